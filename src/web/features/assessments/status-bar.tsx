import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Assessment } from '../../../contracts/assessment.schema';
import { assessmentApi } from '../../api/assessment-queries';
import { FormError } from '../../components/form-error';
import { formatDateTime, nextYearTitle, STATUS_ACTIONS, STATUS_FLOW, type AssessmentStatus } from './assessment-model';

/** Answers still needing work when the assessment is completed: the completion asks first, naming both counts. */
export interface OpenWork {
  readonly unanswered: number;
  readonly returned: number;
}

/**
 * Where the assessment is in planned → in progress → in review → done, the allowed moves, and copy
 * for next year. Completing with unanswered or returned items asks for confirmation, saying how many.
 */
export function StatusBar({
  assessment,
  canWrite,
  openWork,
}: {
  assessment: Assessment;
  canWrite: boolean;
  openWork: OpenWork;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [copying, setCopying] = useState(false);
  const change = useMutation({
    mutationFn: (status: AssessmentStatus) =>
      assessmentApi.changeStatus(assessment.id, { status, version: assessment.version }),
    onSettled: () => queryClient.invalidateQueries(),
  });
  const copy = useMutation({
    mutationFn: (title: string) => assessmentApi.copy(assessment.id, title),
    onSuccess: async (id) => {
      await queryClient.invalidateQueries();
      setCopying(false);
      await navigate(`/assessments/${id}`);
    },
  });
  const move = (status: AssessmentStatus) => {
    if (status === 'archived' && !window.confirm(t('assessment.statusBar.confirmArchive'))) return;
    if (status === 'done' && (openWork.unanswered > 0 || openWork.returned > 0)) {
      const lines = [
        t('assessment.statusBar.confirmDone'),
        ...(openWork.unanswered > 0 ? [t('assessment.statusBar.openUnanswered', { count: openWork.unanswered })] : []),
        ...(openWork.returned > 0 ? [t('assessment.statusBar.openReturned', { count: openWork.returned })] : []),
        t('assessment.statusBar.confirmDoneQuestion'),
      ];
      if (!window.confirm(lines.join('\n'))) return;
    }
    change.mutate(status);
  };
  const submitCopy = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    copy.mutate(String(new FormData(event.currentTarget).get('title')).trim());
  };
  const currentIndex = STATUS_FLOW.indexOf(assessment.status);
  return (
    <section className="status-bar" aria-label={t('assessment.statusBar.label')} data-testid="status-bar">
      <ol className="status-steps">
        {STATUS_FLOW.map((status, index) => (
          <li
            key={status}
            className={index < currentIndex ? 'step done' : index === currentIndex ? 'step current' : 'step'}
            aria-current={index === currentIndex ? 'step' : undefined}
          >
            {t(`status.${status}`)}
          </li>
        ))}
        {assessment.status === 'archived' && (
          <li className="step current" aria-current="step">
            {t('status.archived')}
          </li>
        )}
      </ol>
      <span className="visually-hidden" data-testid="assessment-status" data-status={assessment.status}>
        {t('assessment.statusBar.current', { status: t(`status.${assessment.status}`) })}
      </span>
      {canWrite && (
        <div className="actions status-actions">
          {STATUS_ACTIONS[assessment.status].map((status) => (
            <button
              key={status}
              type="button"
              className={status === STATUS_FLOW[currentIndex + 1] ? 'primary' : undefined}
              onClick={() => move(status)}
              disabled={change.isPending}
              data-testid={`status-to-${status}`}
            >
              {t(`assessment.statusBar.to.${status}`)}
            </button>
          ))}
          <button
            type="button"
            onClick={() => setCopying((open) => !open)}
            aria-expanded={copying}
            data-testid="copy-open"
          >
            {t('assessment.statusBar.copy')}
          </button>
        </div>
      )}
      {assessment.closedAt && (
        <p className="muted">{t('assessment.statusBar.closedAt', { date: formatDateTime(assessment.closedAt) })}</p>
      )}
      {copying && (
        <form onSubmit={submitCopy} className="inline-form copy-form">
          <label>
            {t('assessment.statusBar.copyTitle')}
            <input
              name="title"
              required
              maxLength={200}
              defaultValue={nextYearTitle(assessment.title, t('assessment.statusBar.copySuffix'))}
            />
          </label>
          <button type="submit" disabled={copy.isPending} data-testid="copy-submit">
            {t('assessment.statusBar.copySubmit')}
          </button>
          <p className="muted">{t('assessment.statusBar.copyHelp')}</p>
        </form>
      )}
      <FormError error={change.error ?? copy.error} />
    </section>
  );
}
