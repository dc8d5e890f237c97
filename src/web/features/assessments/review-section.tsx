import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../contracts/assessment.schema';
import { assessmentApi, invalidateDerived, type ReviewAction } from '../../api/assessment-queries';
import { FormError } from '../../components/form-error';
import type { People } from './people';
import type { AnswerSaver } from './use-answer-saver';

/**
 * The item's review: an assessor sends it for review; an owner or admin accepts it or returns it
 * with a reason; either reopens it for editing. Waits until the item's own changes are saved.
 */
export function ReviewSection({
  assessmentId,
  answer,
  saver,
  people,
}: {
  assessmentId: string;
  answer: Answer;
  saver: AnswerSaver;
  people: People;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const review = useMutation({
    mutationFn: (input: { action: ReviewAction; reason?: string }) =>
      assessmentApi.review(assessmentId, answer.itemId, { ...input, version: saver.versionOf(answer.itemId) }),
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'itemId' in saved) saver.remember(saved);
      else void queryClient.invalidateQueries();
      setReturning(false);
      void invalidateDerived(queryClient, assessmentId);
    },
  });
  const busy = review.isPending || saver.busy(answer.itemId);
  const state = answer.reviewState;
  const actions: ReviewAction[] = [];
  if (people.canWrite && (state === 'open' || state === 'returned')) actions.push('ready');
  if (people.canReview && state === 'ready_for_review') actions.push('accept', 'return');
  if (people.canWrite && state !== 'open') actions.push('reopen');

  const submitReturn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    review.mutate({ action: 'return', reason: String(new FormData(event.currentTarget).get('reason')).trim() });
  };

  return (
    <section aria-labelledby="review-heading" className="drawer-section" data-testid="review-section">
      <h3 id="review-heading">{t('review.title')}</h3>
      <p>
        {t('review.state')}:{' '}
        <span className={`review review-${state}`} data-testid="drawer-review-state">
          {t(`review.states.${state}`)}
        </span>
      </p>
      {state === 'returned' && answer.returnReason && (
        <p className="notice" data-testid="return-reason">
          {t('review.returnedBecause')}: {answer.returnReason}
        </p>
      )}
      {state === 'ready_for_review' && !people.canReview && <p className="muted">{t('review.waiting')}</p>}
      {actions.length > 0 && (
        <div className="actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'ready' || action === 'accept' ? 'primary' : undefined}
              disabled={busy}
              aria-expanded={action === 'return' ? returning : undefined}
              onClick={() => (action === 'return' ? setReturning((open) => !open) : review.mutate({ action }))}
              data-testid={`review-${action}`}
            >
              {t(`review.actions.${action}`)}
            </button>
          ))}
        </div>
      )}
      {answer.result === 'unanswered' && actions.includes('ready') && (
        <p className="muted">{t('review.answerFirst')}</p>
      )}
      {returning && (
        <form onSubmit={submitReturn} className="stacked-form">
          <label>
            {t('review.reason')}
            <textarea name="reason" required maxLength={2000} rows={3} data-testid="review-reason" />
          </label>
          <button type="submit" disabled={busy} data-testid="review-return-submit">
            {t('review.returnSubmit')}
          </button>
        </form>
      )}
      <FormError error={review.error} />
    </section>
  );
}
