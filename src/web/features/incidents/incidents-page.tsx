import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSystems } from '../../api/assessment-queries';
import { usePermissions } from '../../api/permissions';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';
import { formatDateTime } from '../assessments/assessment-model';
import { IncidentCreateForm } from './incident-create-form';
import { IncidentFiguresPanel } from './incident-figures-panel';
import { INCIDENT_STATUSES, SEVERITIES } from './incident-types';
import { useIncidents, type IncidentFilter } from './incidents-api';
import './incidents.css';

/** The organisation's incidents: filters, the list, the response-time chart and the create form. */
export function IncidentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.title'));
  const { can } = usePermissions();
  const [filter, setFilter] = useState<IncidentFilter>({ status: '', severity: '', drill: '' });
  const [creating, setCreating] = useState(false);
  const incidents = useIncidents(filter);
  const systems = useSystems();
  const systemName = (id: string) => systems.data?.systems.find((system) => system.id === id)?.name ?? id;
  return (
    <div className="incidents-page">
      <div className="page-header">
        <h1>{t('incidents.title')}</h1>
        <span className="row-actions">
          <Link to="/incidents/playbooks" data-testid="playbooks-link">
            {t('incidents.playbooksLink')}
          </Link>
          {can('incidents.manage') && !creating && (
            <button type="button" onClick={() => setCreating(true)} data-testid="new-incident">
              {t('incidents.newIncident')}
            </button>
          )}
        </span>
      </div>
      <p className="muted">{t('incidents.lead')}</p>
      {creating && <IncidentCreateForm onCancel={() => setCreating(false)} />}
      <form className="inline-form incident-filters" aria-label={t('incidents.filters.label')}>
        <label>
          {t('incidents.filters.status')}
          <select
            value={filter.status}
            onChange={(event) => setFilter({ ...filter, status: event.target.value as IncidentFilter['status'] })}
            data-testid="filter-status"
          >
            <option value="">{t('incidents.filters.any')}</option>
            {INCIDENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`incidents.statuses.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incidents.filters.severity')}
          <select
            value={filter.severity}
            onChange={(event) => setFilter({ ...filter, severity: event.target.value as IncidentFilter['severity'] })}
            data-testid="filter-severity"
          >
            <option value="">{t('incidents.filters.any')}</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {t(`incidents.severities.${severity}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incidents.filters.kind')}
          <select
            value={filter.drill}
            onChange={(event) => setFilter({ ...filter, drill: event.target.value as IncidentFilter['drill'] })}
            data-testid="filter-drill"
          >
            <option value="">{t('incidents.filters.any')}</option>
            <option value="false">{t('incidents.kinds.real')}</option>
            <option value="true">{t('incidents.kinds.drill')}</option>
          </select>
        </label>
      </form>
      <QueryState query={incidents}>
        {({ incidents: list }) =>
          list.length === 0 ? (
            <p className="muted">{t('incidents.empty')}</p>
          ) : (
            <table className="data-table incident-table" data-testid="incident-list">
              <thead>
                <tr>
                  <th scope="col">{t('incidents.columns.number')}</th>
                  <th scope="col">{t('incidents.columns.title')}</th>
                  <th scope="col">{t('incidents.columns.severity')}</th>
                  <th scope="col">{t('incidents.columns.status')}</th>
                  <th scope="col">{t('incidents.columns.detectedAt')}</th>
                  <th scope="col">{t('incidents.columns.systems')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((incident) => (
                  <tr key={incident.id} data-testid="incident-row">
                    <td className="nowrap">{incident.reference}</td>
                    <td>
                      <Link to={`/incidents/${encodeURIComponent(incident.id)}`}>{incident.title}</Link>
                      {incident.drill && <span className="badge drill-badge">{t('incidents.drillBadge')}</span>}
                    </td>
                    <td className="nowrap">
                      <SeverityBadge severity={incident.severity} />
                    </td>
                    <td className="nowrap">{t(`incidents.statuses.${incident.status}`)}</td>
                    <td className="nowrap">{formatDateTime(incident.detectedAt)}</td>
                    <td>{incident.systemIds.map(systemName).join('、')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <IncidentFiguresPanel />
    </div>
  );
}

/** The severity as a coloured badge (the colour repeats the word, it never replaces it). */
export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = useTranslation();
  return <span className={`badge severity-${severity}`}>{t(`incidents.severities.${severity}`)}</span>;
}
