import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../contracts/audit.schema';
import { FOLD_AT, formatLocalTime, isTimestamp, readableChangeRows } from './audit-format';

// Readable pieces of one audit entry, shared by the audit log and the home page's activity.

/** The action in the reader's language (the code itself for one this version does not know). */
export function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => t(`auditActions.${action}`, { defaultValue: action });
}

/** When it happened, in the reader's time zone, zone named; the exact UTC time on hover. */
export function AuditTime({ occurredAt }: { occurredAt: string }) {
  const { i18n } = useTranslation();
  return (
    <time dateTime={occurredAt} title={occurredAt}>
      {formatLocalTime(occurredAt, i18n.language)}
    </time>
  );
}

const NAMED_KINDS = new Set(['system', 'assessment', 'finding', 'evidence', 'user', 'api_token']);

/** What the entry is about: its kind, its name (or item No.), and where it lives. */
export function AuditTargetText({ target }: { target: AuditEntryView['target'] }) {
  const { t } = useTranslation();
  const kind = t(`auditTargets.${target.type}`, { defaultValue: target.type });
  const item = target.itemNumber === null ? null : t('audit.itemNumber', { number: target.itemNumber });
  // Only kinds that are looked up by id can be found missing; the others are named when recorded.
  const name = target.name ?? (NAMED_KINDS.has(target.type) ? t('audit.removed') : null);
  const place = [target.assessmentTitle, target.systemName].filter((part) => part !== null).join(' / ');
  return (
    <span className="audit-target" data-testid="audit-target">
      <span className="audit-target-kind">{kind}</span>
      {item && <strong>{item}</strong>}
      {name && <strong className="audit-target-name">{name}</strong>}
      {place && target.type !== 'assessment' && <span className="muted">{place}</span>}
      {target.type === 'assessment' && target.systemName && <span className="muted">{target.systemName}</span>}
    </span>
  );
}

/** The changed fields as "field: before → after", long values folded behind a toggle. */
export function AuditChanges({
  entry,
  nameOf,
}: {
  entry: AuditEntryView;
  nameOf: (userId: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const rows = readableChangeRows(entry.summary);
  if (rows.length === 0) return null;
  const show = (field: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return t('audit.empty_value');
    if (typeof value === 'string') {
      const labels: Record<string, string> = {
        result: `results.${value}`,
        reviewState: `review.states.${value}`,
        role: `roles.${value}`,
        priority: `findings.priorities.${value}`,
        criticality: `criticality.${value}`,
        status: entry.target.type === 'finding' ? `findings.statuses.${value}` : `status.${value}`,
      };
      const key = labels[field];
      if (key) return t(key, { defaultValue: value });
      if (field === 'assigneeUserId' || field === 'userId') return nameOf(value) ?? value;
      if (isTimestamp(value)) return formatLocalTime(value, i18n.language);
      return value;
    }
    if (typeof value === 'boolean') return value ? '✓' : '–';
    return JSON.stringify(value);
  };
  return (
    <dl className="audit-changes">
      {rows.map((row) => (
        <div key={row.field} className="audit-change">
          {row.field && <dt>{t(`auditFields.${row.field}`, { defaultValue: row.field })}</dt>}
          <dd>
            {row.before !== undefined && (
              <>
                <Folded text={show(row.field, row.before)} className="audit-before" />
                <span aria-hidden="true" className="audit-arrow">
                  →
                </span>
              </>
            )}
            <Folded text={show(row.field, row.after)} className="audit-after" />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Folded({ text, className }: { text: string; className: string }) {
  const { t } = useTranslation();
  if (text.length <= FOLD_AT) return <span className={className}>{text}</span>;
  return (
    <details className={`${className} folded`}>
      <summary>
        {text.slice(0, FOLD_AT - 20)}… <span className="muted">{t('audit.showAll')}</span>
      </summary>
      <span className="folded-text">{text}</span>
    </details>
  );
}
