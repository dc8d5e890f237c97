import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSystems } from '../../api/assessment-queries';
import { usePermissions } from '../../api/permissions';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';
import { formatDateTime } from '../assessments/assessment-model';
import { CloseDialog } from './close-dialog';
import { DrillStepsPanel } from './drill-steps-panel';
import { IncidentDevicesSection } from './incident-devices-section';
import { IncidentEditForm } from './incident-edit-form';
import { IncidentEvidenceSection } from './incident-evidence-section';
import { IncidentLinksSection } from './incident-links-section';
import { formatMinutes } from './incident-model';
import { IncidentReportsPanel } from './incident-reports-panel';
import type { IncidentDetail } from './incident-types';
import { SeverityBadge } from './incidents-page';
import { useIncident } from './incidents-api';
import { LessonsSection } from './lessons-section';
import { StatusStepper } from './status-stepper';
import { TimelineSection } from './timeline-section';
import { VendorNotificationPanel } from './vendor-notification-panel';
import './incidents.css';

/** One incident: its progress, timeline, devices, evidence, vendor contact, reports and lessons. */
export function IncidentPage() {
  const { id = '' } = useParams();
  const incident = useIncident(id);
  return <QueryState query={incident}>{(data) => <IncidentView incident={data} />}</QueryState>;
}

function IncidentView({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const label = incident.reference;
  usePageTitle(`${label} ${incident.title}`);
  const { can } = usePermissions();
  const canManage = can('incidents.manage');
  const systems = useSystems();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const units = t('incidents.units', { returnObjects: true }) as { minutes: string; hours: string; days: string };
  const systemName = (systemId: string) =>
    systems.data?.systems.find((system) => system.id === systemId)?.name ?? systemId;
  const open = incident.status !== 'closed';
  return (
    <article className="incident-page" data-testid="incident-page" data-status={incident.status}>
      <nav className="muted" aria-label="breadcrumb">
        <Link to="/incidents">{t('incidents.detail.back')}</Link>
      </nav>
      <div className="page-header">
        <h1>
          <span className="incident-number">{label}</span> {incident.title}
          <SeverityBadge severity={incident.severity} />
          {incident.drill && <span className="badge drill-badge">{t('incidents.drillBadge')}</span>}
        </h1>
        {canManage && open && (
          <span className="row-actions">
            <button type="button" onClick={() => setEditing(true)} disabled={editing}>
              {t('incidents.detail.edit')}
            </button>
            <button type="button" onClick={() => setClosing(true)} data-testid="open-close">
              {t('incidents.close.open')}
            </button>
          </span>
        )}
      </div>
      {editing ? (
        <IncidentEditForm incident={incident} onDone={() => setEditing(false)} />
      ) : (
        <dl className="incident-facts">
          <div>
            <dt>{t('incidents.detail.detectedAt')}</dt>
            <dd>{formatDateTime(incident.detectedAt)}</dd>
          </div>
          <div>
            <dt>{t('incidents.detail.occurredAt')}</dt>
            <dd>{formatDateTime(incident.occurredAt)}</dd>
          </div>
          <div>
            <dt>{t('incidents.detail.systems')}</dt>
            <dd>{incident.systemIds.map(systemName).join('、') || '—'}</dd>
          </div>
          {incident.description && (
            <div className="wide">
              <dt>{t('incidents.detail.description')}</dt>
              <dd className="preserve-lines">{incident.description}</dd>
            </div>
          )}
        </dl>
      )}
      <StatusStepper incident={incident} canManage={canManage} />
      <div className="kpis incident-kpis" aria-label={t('incidents.detail.figures')}>
        {(
          [
            ['timeToDetect', incident.figures.minutesToDetect],
            ['timeToContain', incident.figures.minutesToContain],
            ['timeToRecover', incident.figures.minutesToRecover],
          ] as const
        ).map(([key, minutes]) => (
          <div key={key} className="kpi" data-testid={`figure-${key}`}>
            <span className="kpi-label">{t(`incidents.figures.${key}`)}</span>
            <span className="kpi-value">{formatMinutes(minutes, units)}</span>
          </div>
        ))}
      </div>
      {incident.drill && incident.steps && incident.steps.length > 0 && (
        <DrillStepsPanel incidentId={incident.id} steps={incident.steps} canManage={canManage && open} />
      )}
      <IncidentDevicesSection incident={incident} canManage={canManage} />
      <div className="incident-columns">
        <div className="incident-main">
          <TimelineSection incidentId={incident.id} entries={incident.timeline} canManage={canManage} />
          <LessonsSection lessons={incident.lessons} />
        </div>
        <div className="incident-side">
          <VendorNotificationPanel incident={incident} canManage={canManage} />
          <IncidentEvidenceSection incident={incident} canManage={canManage} />
          <IncidentLinksSection incident={incident} canManage={canManage} />
          <IncidentReportsPanel incidentId={incident.id} />
        </div>
      </div>
      {closing && <CloseDialog incident={incident} onClose={() => setClosing(false)} />}
    </article>
  );
}
