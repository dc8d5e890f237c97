import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { QuestionnaireView } from '../../../contracts/questionnaire.schema';
import { useAssessment } from '../../api/assessment-queries';
import { usePermissions } from '../../api/permissions';
import { CopyButton } from '../../components/copy-button';
import { FormError } from '../../components/form-error';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';
import { formatDateTime } from '../assessments/assessment-model';
import { CreateQuestionnaireForm } from './create-questionnaire-form';
import {
  questionnaireApi,
  questionnaireKeys,
  questionnairePdfUrl,
  questionnaireWorkbookUrl,
  useQuestionnaires,
} from './questionnaire-api';

/**
 * The questionnaires of one assessment: put items to a provider (the link is shown once), follow
 * their state, revoke a link, download the workbook and import one filled in.
 */
export function QuestionnairesPage() {
  const { t } = useTranslation();
  usePageTitle(t('questionnaires.title'));
  const assessmentId = useParams().id ?? '';
  const assessment = useAssessment(assessmentId);
  const permissions = usePermissions();
  const [link, setLink] = useState<string>();
  if (!permissions.isLoading && !permissions.can('questionnaires.manage'))
    return <p className="notice">{t('errors.FORBIDDEN')}</p>;
  return (
    <div className="questionnaires-page" data-testid="questionnaires-page">
      <nav aria-label={t('assessment.breadcrumb')} className="muted">
        <Link to={`/assessments/${assessmentId}`}>
          {assessment.data?.assessment.title ?? t('assessment.backToList')}
        </Link>
      </nav>
      <h1>{t('questionnaires.title')}</h1>
      <p className="muted">{t('questionnaires.lead')}</p>
      {link && (
        <div className="notice created-link" role="status" data-testid="questionnaire-link-box">
          <p>{t('questionnaires.linkOnce')}</p>
          <code data-testid="questionnaire-link">{link}</code>{' '}
          <CopyButton text={link} testId="questionnaire-link-copy" />
        </div>
      )}
      <CreateQuestionnaireForm
        assessmentId={assessmentId}
        onCreated={(path) => setLink(`${window.location.origin}${path}`)}
      />
      <QuestionnaireList assessmentId={assessmentId} />
    </div>
  );
}

function QuestionnaireList({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuestionnaires(assessmentId);
  const [error, setError] = useState<unknown>();
  const [imported, setImported] = useState<string>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: questionnaireKeys.ofAssessment(assessmentId) });
  const act = async (work: () => Promise<void>) => {
    setError(undefined);
    setImported(undefined);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    }
    await refresh();
  };
  const revoke = (questionnaire: QuestionnaireView) =>
    act(async () => void (await questionnaireApi.revoke(questionnaire.id)));
  const importFile = (questionnaire: QuestionnaireView, file: File) =>
    act(async () => {
      const result = await questionnaireApi.importWorkbook(questionnaire.id, file);
      setImported(t('questionnaires.imported', { count: result.answered, provider: questionnaire.providerName }));
      await queryClient.invalidateQueries({ queryKey: ['assessments'] });
    });
  return (
    <section aria-labelledby="questionnaire-list-heading">
      <h2 id="questionnaire-list-heading">{t('questionnaires.listTitle')}</h2>
      <FormError error={error} />
      {imported && (
        <p role="status" className="notice" data-testid="questionnaire-imported">
          {imported}
        </p>
      )}
      <QueryState query={list}>
        {(data) =>
          data.questionnaires.length === 0 ? (
            <p className="muted">{t('questionnaires.empty')}</p>
          ) : (
            <table className="data-table" data-testid="questionnaire-list">
              <thead>
                <tr>
                  <th>{t('questionnaires.provider')}</th>
                  <th>{t('questionnaires.language')}</th>
                  <th>{t('questionnaires.questions')}</th>
                  <th>{t('questionnaires.state')}</th>
                  <th>{t('questionnaires.expires')}</th>
                  <th>{t('questionnaires.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.questionnaires.map((questionnaire) => (
                  <tr key={questionnaire.id} data-testid="questionnaire-row">
                    <td>{questionnaire.providerName}</td>
                    <td>{t(`language.${questionnaire.language}`)}</td>
                    <td>
                      {t('questionnaires.answeredOf', {
                        answered: questionnaire.answeredCount,
                        total: questionnaire.itemIds.length,
                      })}
                    </td>
                    <td>
                      <span className={`badge state-${questionnaire.state}`} data-testid="questionnaire-state">
                        {t(`questionnaires.states.${questionnaire.state}`)}
                      </span>
                      {questionnaire.submittedAt && (
                        <span className="muted"> {formatDateTime(questionnaire.submittedAt)}</span>
                      )}
                    </td>
                    <td>{formatDateTime(questionnaire.expiresAt)}</td>
                    <td className="row-actions">
                      <a className="button-link small" href={questionnaireWorkbookUrl(questionnaire.id)} download>
                        {t('questionnaires.downloadXlsx')}
                      </a>
                      <a className="button-link small" href={questionnairePdfUrl(questionnaire.id)} download>
                        {t('questionnaires.downloadPdf')}
                      </a>
                      {questionnaire.state === 'open' || questionnaire.state === 'expired' ? (
                        <>
                          <label className="file-picker small">
                            <span className="button-like">{t('questionnaires.importXlsx')}</span>
                            <input
                              className="file-input"
                              type="file"
                              accept=".xlsx"
                              data-testid="questionnaire-import"
                              onChange={(event) => {
                                const file = event.target.files?.[0];
                                event.target.value = '';
                                if (file) void importFile(questionnaire, file);
                              }}
                            />
                          </label>
                          <button
                            type="button"
                            className="small"
                            onClick={() => void revoke(questionnaire)}
                            data-testid="questionnaire-revoke"
                          >
                            {t('questionnaires.revoke')}
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
