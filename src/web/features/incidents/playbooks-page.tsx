import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSystems } from '../../api/assessment-queries';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';
import { formatMinutes } from './incident-model';
import { CHECKLIST_KINDS, type Playbook } from './incident-types';
import { incidentApi, useIncidentMutation, usePlaybooks } from './incidents-api';
import { PlaybookForm } from './playbook-form';
import './incidents.css';

/**
 * The playbooks of one system (chosen at the top, kept in the URL): steps with owners, contacts
 * with their deputies, the first-report template and the notification checklists; owners and
 * admins edit them, anyone who manages incidents starts a drill from one.
 */
export function PlaybooksPage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.playbooks.title'));
  const { can } = usePermissions();
  const systems = useSystems();
  const [params, setParams] = useSearchParams();
  const systemId = params.get('system') ?? systems.data?.systems[0]?.id ?? '';
  const playbooks = usePlaybooks();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <div className="playbooks-page">
      <nav className="muted" aria-label="breadcrumb">
        <Link to="/incidents">{t('incidents.detail.back')}</Link>
      </nav>
      <h1>{t('incidents.playbooks.title')}</h1>
      <p className="muted">{t('incidents.playbooks.lead')}</p>
      <div className="toolbar">
        <label className="inline-label">
          {t('incidents.playbooks.system')}
          <select
            value={systemId}
            onChange={(event) => (setParams({ system: event.target.value }), setEditing(null))}
            data-testid="playbook-system"
          >
            {systems.data?.systems.map((system) => (
              <option key={system.id} value={system.id}>
                {system.name}
              </option>
            ))}
          </select>
        </label>
        {can('playbooks.manage') && systemId && editing !== 'new' && (
          <button type="button" onClick={() => setEditing('new')} data-testid="new-playbook">
            {t('incidents.playbooks.create')}
          </button>
        )}
      </div>
      {editing === 'new' && <PlaybookForm systemId={systemId} onDone={() => setEditing(null)} />}
      <QueryState query={playbooks}>
        {({ playbooks: all }) => {
          const mine = all.filter((playbook) => playbook.systemId === systemId);
          if (mine.length === 0) return <p className="muted">{t('incidents.playbooks.none')}</p>;
          return (
            <ul className="playbook-list">
              {mine.map((playbook) =>
                editing === playbook.id ? (
                  <li key={playbook.id}>
                    <PlaybookForm systemId={systemId} playbook={playbook} onDone={() => setEditing(null)} />
                  </li>
                ) : (
                  <PlaybookCard key={playbook.id} playbook={playbook} onEdit={() => setEditing(playbook.id)} />
                ),
              )}
            </ul>
          );
        }}
      </QueryState>
    </div>
  );
}

function PlaybookCard({ playbook, onEdit }: { playbook: Playbook; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const units = t('incidents.units', { returnObjects: true }) as { minutes: string; hours: string; days: string };
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const remove = useIncidentMutation(() => incidentApi.deletePlaybook(playbook));
  const drill = useIncidentMutation(() => incidentApi.startDrill(playbook.id));
  const ownerName = (id: string | null) =>
    playbook.contacts.find((contact) => contact.id === id)?.name ?? (id ? '—' : t('incidents.playbooks.unassigned'));
  return (
    <li className="card playbook-card" data-testid="playbook-card">
      <div className="section-title">
        <h2>{playbook.title}</h2>
        <span className="row-actions">
          {can('incidents.manage') && (
            <button
              type="button"
              disabled={drill.isPending}
              onClick={() =>
                drill.mutate(undefined, {
                  onSuccess: (incident) => void navigate(`/incidents/${encodeURIComponent(incident.id)}`),
                })
              }
              data-testid="start-drill"
            >
              {t('incidents.playbooks.startDrill')}
            </button>
          )}
          {can('playbooks.manage') && (
            <>
              <button type="button" className="link-button" onClick={onEdit}>
                {t('incidents.playbooks.edit')}
              </button>
              <button
                type="button"
                className="link-button danger"
                onClick={() =>
                  window.confirm(t('incidents.playbooks.confirmDelete', { title: playbook.title })) && remove.mutate()
                }
              >
                {t('incidents.playbooks.delete')}
              </button>
            </>
          )}
        </span>
      </div>
      <FormError error={drill.error ?? remove.error} />
      <div className="playbook-grid">
        <section>
          <h3>{t('incidents.playbooks.steps')}</h3>
          <ol className="playbook-steps">
            {playbook.steps.map((step, index) => (
              <li key={index}>
                {step.title}
                <span className="muted">
                  {' '}
                  · {ownerName(step.ownerStakeholderId)}
                  {step.expectedMinutes !== null && ` · ${formatMinutes(step.expectedMinutes, units)}`}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section>
          <h3>{t('incidents.playbooks.contacts')}</h3>
          {playbook.contacts.length === 0 ? (
            <p className="muted">—</p>
          ) : (
            <ul className="playbook-contacts">
              {playbook.contacts.map((contact) => (
                <li key={contact.id}>
                  <strong>{contact.name}</strong> <span className="muted">{contact.contact}</span>
                  <div className="muted">
                    {contact.deputyName
                      ? `${t('incidents.playbooks.deputy', { name: contact.deputyName })} ${contact.deputyContact}`
                      : t('incidents.playbooks.noDeputy')}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {playbook.firstReportTemplate[language] && (
        <section>
          <h3>{t('incidents.playbooks.firstReport')}</h3>
          <pre className="template-text">{playbook.firstReportTemplate[language]}</pre>
        </section>
      )}
      <section>
        <h3>{t('incidents.playbooks.checklists')}</h3>
        <div className="playbook-grid three">
          {CHECKLIST_KINDS.map((kind) => (
            <div key={kind}>
              <h4>{t(`incidents.playbooks.checklistKinds.${kind}`)}</h4>
              {playbook.checklists[kind].length === 0 ? (
                <p className="muted">—</p>
              ) : (
                <ul className="checklist">
                  {playbook.checklists[kind].map((item, index) => (
                    <li key={index}>{item[language] || item[language === 'ja' ? 'en' : 'ja']}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      </section>
    </li>
  );
}
