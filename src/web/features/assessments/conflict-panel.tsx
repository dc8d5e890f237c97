import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../contracts/assessment.schema';
import type { AnswerPatch } from './assessment-model';
import { formatDateTime } from './assessment-model';
import type { Conflict } from './use-answer-saver';

const FIELDS = ['result', 'justification', 'comment', 'assigneeUserId', 'dueDate', 'checks'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Someone else saved the item first: their answer next to mine, field by field (only the fields I
 * changed), and the choice between resending mine on top of theirs or taking theirs.
 */
export function ConflictPanel({
  conflict,
  nameOf,
  onResolve,
}: {
  conflict: Conflict;
  nameOf: (userId: string | null) => string;
  onResolve: (choice: 'mine' | 'theirs') => void;
}) {
  const { t } = useTranslation();
  const fields = FIELDS.filter((field) => conflict.mine[field] !== undefined);
  const show = (field: Field, source: AnswerPatch | Answer): string => {
    const value = source[field];
    if (value === undefined || value === null || value === '') return '—';
    if (field === 'result') return t(`results.${String(value)}`);
    if (field === 'assigneeUserId') return nameOf(String(value));
    if (field === 'checks') {
      const checks = Object.values(value as Record<string, { done: boolean }>);
      return t('assessment.conflict.checksDone', { done: checks.filter((check) => check.done).length });
    }
    return String(value);
  };
  return (
    <div role="alert" className="conflict-panel" data-testid="conflict-panel">
      <p>
        <strong>{t('assessment.conflict.title')}</strong>{' '}
        {t('assessment.conflict.lead', {
          who: nameOf(conflict.current.updatedBy),
          when: formatDateTime(conflict.current.updatedAt),
        })}
      </p>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{t('assessment.conflict.field')}</th>
            <th scope="col">{t('assessment.conflict.mine')}</th>
            <th scope="col">{t('assessment.conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row">{t(`assessment.conflict.fields.${field}`)}</th>
              <td data-testid={`conflict-mine-${field}`}>{show(field, conflict.mine)}</td>
              <td data-testid={`conflict-theirs-${field}`}>{show(field, conflict.current)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => onResolve('mine')} data-testid="conflict-keep-mine">
          {t('assessment.conflict.keepMine')}
        </button>
        <button type="button" onClick={() => onResolve('theirs')} data-testid="conflict-take-theirs">
          {t('assessment.conflict.takeTheirs')}
        </button>
      </div>
    </div>
  );
}
