import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { QuestionnaireForm } from '../../../contracts/questionnaire.schema';
import { FormError } from '../../components/form-error';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';
import { formatDateTime } from '../assessments/assessment-model';
import { questionnaireApi } from './questionnaire-api';

type Answers = QuestionnaireForm['answers'];
const ANSWERS = ['yes', 'partly', 'no', 'not_applicable', 'unknown'] as const;

/**
 * The provider's form, reached through the link they received: only this questionnaire, its
 * cover, each question with its check points and why it matters, answer options and free text.
 * Saved as a draft or submitted; read-only once submitted; an expired or revoked link says so.
 */
export function RespondPage() {
  const { t } = useTranslation();
  usePageTitle(t('questionnaires.respond.pageTitle'));
  const token = useParams().token ?? '';
  const form = useQuery({
    queryKey: ['questionnaire-response', token],
    queryFn: () => questionnaireApi.open(token),
    retry: false,
  });
  return (
    <section className="questionnaire-respond" data-testid="questionnaire-respond">
      <QueryState query={form}>{(data) => <ResponseForm token={token} form={data} />}</QueryState>
    </section>
  );
}

function ResponseForm({ token, form }: { token: string; form: QuestionnaireForm }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { document } = form;
  const [answers, setAnswers] = useState<Answers>(form.answers);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const readOnly = form.state !== 'open';
  const answerOf = (itemId: string) => answers.find((answer) => answer.itemId === itemId);
  const change = (itemId: string, patch: Partial<Answers[number]>) => {
    setSaved(false);
    setAnswers((previous) => {
      const current = previous.find((answer) => answer.itemId === itemId) ?? { itemId, answer: null, freeText: '' };
      return [...previous.filter((answer) => answer.itemId !== itemId), { ...current, ...patch }];
    });
  };
  const [unanswered, setUnanswered] = useState<string[]>([]);
  const send = async (submit: boolean) => {
    setError(undefined);
    // Say which questions still need an answer before asking the server (it checks again).
    const missing = submit
      ? document.questions.filter((question) => !answerOf(question.itemId)?.answer).map((question) => question.number)
      : [];
    setUnanswered(missing);
    if (missing.length > 0) return;
    setBusy(true);
    try {
      const next = await questionnaireApi.save(token, answers, submit);
      queryClient.setQueryData(['questionnaire-response', token], next);
      setSaved(!submit);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 data-testid="questionnaire-title">{document.title}</h1>
      <dl className="questionnaire-cover" data-testid="questionnaire-cover">
        <dt>{t('questionnaires.respond.organisation')}</dt>
        <dd>{document.organisationName}</dd>
        {document.systemName && (
          <>
            <dt>{t('questionnaires.respond.system')}</dt>
            <dd>{document.systemName}</dd>
          </>
        )}
        {form.requestedBy && (
          <>
            <dt>{t('questionnaires.respond.requestedBy')}</dt>
            <dd>{form.requestedBy}</dd>
          </>
        )}
        <dt>{t('questionnaires.respond.provider')}</dt>
        <dd>{document.providerName}</dd>
        <dt>{t('questionnaires.respond.expires')}</dt>
        <dd>{formatDateTime(document.expiresAt)}</dd>
      </dl>
      {form.state === 'expired' && (
        <p className="notice notice-warning" role="alert" data-testid="questionnaire-expired">
          {t('questionnaires.respond.expired', { when: formatDateTime(document.expiresAt) })}
        </p>
      )}
      {form.state === 'revoked' && (
        <p className="notice notice-warning" role="alert" data-testid="questionnaire-revoked">
          {t('questionnaires.respond.revoked')}
        </p>
      )}
      {form.state === 'submitted' && (
        <p className="notice" role="status" data-testid="questionnaire-submitted">
          {t('questionnaires.respond.submitted', { when: formatDateTime(form.submittedAt) })}
        </p>
      )}
      {form.state === 'open' && <p className="muted">{t('questionnaires.respond.intro')}</p>}
      {document.questions.length > 0 && (
        <ol className="questionnaire-questions">
          {document.questions.map((question) => {
            const current = answerOf(question.itemId);
            return (
              <li key={question.itemId} className="questionnaire-question card" data-testid="questionnaire-question">
                <fieldset disabled={readOnly}>
                  <legend>
                    <span className="badge">{t('questionnaires.itemNumber', { number: question.number })}</span>{' '}
                    <strong lang={document.language}>{question.question}</strong>
                  </legend>
                  {question.checkPoints.length > 0 && (
                    <>
                      <h3 className="small-heading">{t('questionnaires.respond.checkPoints')}</h3>
                      <ol className="check-points" lang={document.language}>
                        {question.checkPoints.map((point) => (
                          <li key={point}>{point}</li>
                        ))}
                      </ol>
                    </>
                  )}
                  {question.why && (
                    <>
                      <h3 className="small-heading">{t('questionnaires.respond.why')}</h3>
                      <p className="muted" lang={document.language}>
                        {question.why}
                      </p>
                    </>
                  )}
                  <div className="radio-row" role="radiogroup" aria-label={t('questionnaires.respond.answer')}>
                    {ANSWERS.map((answer) => (
                      <label key={answer} className="radio">
                        <input
                          type="radio"
                          name={`answer-${question.itemId}`}
                          value={answer}
                          checked={current?.answer === answer}
                          onChange={() => change(question.itemId, { answer })}
                          data-testid={`answer-${question.number}-${answer}`}
                        />
                        {document.answerLabels[answer] ?? answer}
                      </label>
                    ))}
                  </div>
                  <label className="stacked">
                    {t('questionnaires.respond.freeText')}
                    <textarea
                      rows={3}
                      maxLength={4000}
                      value={current?.freeText ?? ''}
                      onChange={(event) => change(question.itemId, { freeText: event.target.value })}
                      data-testid={`free-text-${question.number}`}
                    />
                  </label>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      {!readOnly && (
        <div className="questionnaire-actions">
          <button type="button" disabled={busy} onClick={() => void send(false)} data-testid="questionnaire-save">
            {t('questionnaires.respond.saveDraft')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void send(true)}
            data-testid="questionnaire-submit"
          >
            {t('questionnaires.respond.submit')}
          </button>
          <span className="muted">{t('questionnaires.respond.submitNote')}</span>
          {saved && (
            <span role="status" data-testid="questionnaire-saved">
              {t('questionnaires.respond.saved')}
            </span>
          )}
        </div>
      )}
      {unanswered.length > 0 && (
        <p className="form-error" role="alert" data-testid="questionnaire-unanswered">
          {t('questionnaires.respond.unanswered', { numbers: unanswered.join(', ') })}
        </p>
      )}
      <FormError error={error} />
    </>
  );
}
