import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPage } from '../../../contracts/auth.schema';
import { getJson } from '../../api/api-client';
import { FormError } from '../../components/form-error';

type Filters = { user?: string; action?: string; from?: string; to?: string };

function query(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(
    Object.entries({ ...filters, ...extra }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return params.toString();
}

/** The organisation's audit trail, filterable by user, action and date, with CSV export. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const pages = useInfiniteQuery({
    queryKey: ['organisation', 'audit', filters],
    queryFn: ({ pageParam }) =>
      getJson<AuditPage>(
        `/api/organisation/audit?${query(filters, pageParam === undefined ? { limit: '100' } : { limit: '100', afterSeq: String(pageParam) })}`,
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextAfterSeq ?? undefined,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFilters({
      user: String(form.get('user') ?? ''),
      action: String(form.get('action') ?? ''),
      from: String(form.get('from') ?? ''),
      to: String(form.get('to') ?? ''),
    });
  };
  const entries = pages.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <div>
      <h1>{t('audit.title')}</h1>
      <form onSubmit={submit} className="inline-form">
        <label>
          {t('audit.user')}
          <input name="user" />
        </label>
        <label>
          {t('audit.action')}
          <input name="action" placeholder="member.role_changed" />
        </label>
        <label>
          {t('audit.from')}
          <input name="from" type="date" />
        </label>
        <label>
          {t('audit.to')}
          <input name="to" type="date" />
        </label>
        <button type="submit">{t('audit.filter')}</button>
        <a href={`/api/organisation/audit/export?${query(filters)}`} download>
          {t('audit.export')}
        </a>
      </form>
      <FormError error={pages.error} />
      {entries.length === 0 && !pages.isPending ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <table className="data-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.seq}</td>
                <td>{entry.occurredAt.replace('T', ' ').slice(0, 19)}</td>
                <td>{entry.actorLabel}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.targetType} {entry.targetId.slice(0, 8)}
                </td>
                <td>
                  <code className="summary">{JSON.stringify(entry.summary)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages.hasNextPage && (
        <button type="button" onClick={() => void pages.fetchNextPage()}>
          {t('audit.more')}
        </button>
      )}
    </div>
  );
}
