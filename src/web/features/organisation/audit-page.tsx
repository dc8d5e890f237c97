import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters, AuditPage } from '../../../contracts/audit.schema';
import type { PeopleList } from '../../../contracts/auth.schema';
import { getJson } from '../../api/api-client';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { AuditChanges, AuditTargetText, AuditTime, useActionLabel } from './audit-entry-parts';

type Filters = { user?: string; action?: string; from?: string; to?: string };

function query(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(
    Object.entries({ ...filters, ...extra }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return params.toString();
}

/** The organisation's audit trail for owners and admins: newest first, readable, filterable, exportable. */
export function AuditLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const permissions = usePermissions();
  const allowed = permissions.can('audit.read');
  const actionLabel = useActionLabel();
  const [filters, setFilters] = useState<Filters>({});
  const choices = useQuery({
    queryKey: ['organisation', 'audit', 'filters'],
    queryFn: () => getJson<AuditFilters>('/api/organisation/audit/filters'),
    enabled: allowed,
  });
  const people = useQuery({
    queryKey: ['organisation', 'people'],
    queryFn: () => getJson<PeopleList>('/api/organisation/people'),
    enabled: allowed,
  });
  const pages = useInfiniteQuery({
    queryKey: ['organisation', 'audit', filters],
    queryFn: ({ pageParam }) => {
      const page: Record<string, string> = pageParam === undefined ? {} : { beforeSeq: String(pageParam) };
      return getJson<AuditPage>(
        `/api/organisation/audit?${query(filters, { order: 'newest', limit: '100', ...page })}`,
      );
    },
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextSeq ?? undefined,
    enabled: allowed,
  });
  if (permissions.isLoading) return null;
  if (!allowed) return <p role="alert">{t('errors.FORBIDDEN')}</p>;

  const nameOf = (userId: string) => people.data?.people.find((person) => person.userId === userId)?.displayName;
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
  const actions = [...(choices.data?.actions ?? [])].sort((a, b) => actionLabel(a).localeCompare(actionLabel(b)));
  const entries = pages.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <div>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.lead')}</p>
      <form onSubmit={submit} onReset={() => setFilters({})} className="inline-form" data-testid="audit-filters">
        <label>
          {t('audit.user')}
          <select name="user" defaultValue="">
            <option value="">{t('audit.allUsers')}</option>
            {choices.data?.people.map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.action')}
          <select name="action" defaultValue="">
            <option value="">{t('audit.allActions')}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action)}
              </option>
            ))}
          </select>
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
        <button type="reset">{t('audit.clear')}</button>
        <a href={`/api/organisation/audit/export?${query(filters)}`} download>
          {t('audit.export')}
        </a>
      </form>
      <FormError error={pages.error ?? choices.error} />
      {entries.length === 0 && !pages.isPending ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <table className="data-table audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col" className="audit-time-column">
                {t('audit.time')}
              </th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col" className="audit-action-column">
                {t('audit.action')}
              </th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                <td className="audit-time-column">
                  <AuditTime occurredAt={entry.occurredAt} />
                </td>
                <td title={entry.actorLabel}>{entry.actorName ?? entry.actorLabel}</td>
                <td data-testid="audit-action" className="audit-action-column">
                  {actionLabel(entry.action)}
                </td>
                <td>
                  <AuditTargetText target={entry.target} />
                </td>
                <td data-testid="audit-changes">
                  <AuditChanges entry={entry} nameOf={nameOf} />
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
