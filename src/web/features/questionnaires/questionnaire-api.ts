import { useQuery } from '@tanstack/react-query';
import type {
  CreatedQuestionnaire,
  CreateQuestionnaireBody,
  QuestionnaireForm,
  QuestionnaireImportResult,
  QuestionnaireItemList,
  QuestionnaireView,
} from '../../../contracts/questionnaire.schema';
import { getJson, sendForm, sendJson } from '../../api/api-client';

const enc = encodeURIComponent;

export const questionnaireKeys = {
  ofAssessment: (assessmentId: string) => ['questionnaires', assessmentId] as const,
  items: (assessmentId: string) => ['questionnaires', assessmentId, 'items'] as const,
};

/** The questionnaires of an assessment (assessor side). */
export function useQuestionnaires(assessmentId: string) {
  return useQuery({
    queryKey: questionnaireKeys.ofAssessment(assessmentId),
    queryFn: ({ signal }) =>
      getJson<{ questionnaires: QuestionnaireView[] }>(`/api/assessments/${enc(assessmentId)}/questionnaires`, signal),
  });
}

/** The items a questionnaire may ask about, provider questions marked. */
export function useQuestionnaireItems(assessmentId: string) {
  return useQuery({
    queryKey: questionnaireKeys.items(assessmentId),
    queryFn: ({ signal }) =>
      getJson<QuestionnaireItemList>(`/api/assessments/${enc(assessmentId)}/questionnaire-items`, signal),
    staleTime: Infinity,
  });
}

/** Where the workbook of a questionnaire downloads from. */
export const questionnaireWorkbookUrl = (id: string) => `/api/questionnaires/${enc(id)}/workbook`;
/** Where the PDF of a questionnaire downloads from. */
export const questionnairePdfUrl = (id: string) => `/api/questionnaires/${enc(id)}/pdf`;

export const questionnaireApi = {
  create: (assessmentId: string, body: CreateQuestionnaireBody) =>
    sendJson<CreatedQuestionnaire>('POST', `/api/assessments/${enc(assessmentId)}/questionnaires`, body),
  revoke: (id: string) => sendJson<QuestionnaireView>('POST', `/api/questionnaires/${enc(id)}/revoke`),
  importWorkbook: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return sendForm<QuestionnaireImportResult>(`/api/questionnaires/${enc(id)}/import`, form);
  },
  // The provider's side: the token goes in the body, never in an API URL.
  open: (token: string) => sendJson<QuestionnaireForm>('POST', '/api/questionnaire-responses/open', { token }),
  save: (token: string, answers: QuestionnaireForm['answers'], submit: boolean) =>
    sendJson<QuestionnaireForm>('POST', `/api/questionnaire-responses/${submit ? 'submit' : 'save'}`, {
      token,
      answers,
    }),
};
