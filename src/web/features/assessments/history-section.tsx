import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswerHistory } from '../../api/assessment-queries';
import { formatDateTime } from './assessment-model';

const TRACKED = [
  'result',
  'justification',
  'comment',
  'checks',
  'assigneeUserId',
  'dueDate',
  'reviewState',
  'returnReason',
] as const;
type Tracked = (typeof TRACKED)[number];
/** What an item is before its first save (history's `before` is then empty). */
const NEVER_SAVED: Readonly<Record<Tracked, unknown>> = {
  result: 'unanswered',
  justification: '',
  comment: '',
  checks: {},
  assigneeUserId: null,
  dueDate: null,
  reviewState: 'open',
  returnReason: null,
};

/** Who changed the answer when, and what: loaded when opened. */
export function HistorySection({
  assessmentId,
  itemId,
  nameOf,
}: {
  assessmentId: string;
  itemId: string;
  nameOf: (userId: string | null) => string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useAnswerHistory(assessmentId, itemId, open);
  const entries = [...(history.data?.entries ?? [])].sort((a, b) => b.version - a.version);
  return (
    <details
      className="drawer-section"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="history-section"
    >
      <summary>
        <h3>{t('assessment.history.title')}</h3>
      </summary>
      {history.isPending && open && <p role="status">{t('common.loading')}</p>}
      {history.isError && <p role="alert">{t('common.error', { message: history.error.message })}</p>}
      {history.isSuccess && entries.length === 0 && <p className="muted">{t('assessment.history.empty')}</p>}
      <ol className="history-list">
        {entries.map((entry) => {
          const before = (entry.before ?? NEVER_SAVED) as Record<string, unknown>;
          const after = (entry.after ?? {}) as Record<string, unknown>;
          const changed = TRACKED.filter(
            (field) =>
              field in after && JSON.stringify(before[field] ?? NEVER_SAVED[field]) !== JSON.stringify(after[field]),
          );
          return (
            <li key={entry.version}>
              <p className="muted">
                v{entry.version} · {formatDateTime(entry.changedAt)} · {nameOf(entry.changedBy)}
              </p>
              <ul>
                {changed.map((field) => (
                  <li key={field}>
                    {t(`assessment.conflict.fields.${field}`)}
                    {field === 'result' || field === 'reviewState' ? (
                      <>
                        : {describe(field, before[field], t)} → {describe(field, after[field], t)}
                      </>
                    ) : field === 'assigneeUserId' ? (
                      <>: {nameOf(typeof after[field] === 'string' ? after[field] : null)}</>
                    ) : field !== 'checks' && typeof after[field] === 'string' && after[field] !== '' ? (
                      <>: {shorten(after[field])}</>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </details>
  );
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function describe(field: 'result' | 'reviewState', value: unknown, t: (key: string) => string): string {
  if (typeof value !== 'string') return '—';
  return field === 'result' ? t(`results.${value}`) : t(`review.states.${value}`);
}
