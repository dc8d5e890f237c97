import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import type { IncidentDetail, IncidentLink } from './incident-types';
import { incidentApi, useIncidentMutation } from './incidents-api';

/** Vulnerability matches and probe results this incident concerns, kept by id and label only. */
export function IncidentLinksSection({ incident, canManage }: { incident: IncidentDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<IncidentLink['kind']>('vulnerability');
  const [id, setId] = useState('');
  const [label, setLabel] = useState('');
  const add = useIncidentMutation((link: IncidentLink) => incidentApi.addLink(incident.id, link));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ kind, id: id.trim(), label: label.trim() }, { onSuccess: () => (setId(''), setLabel('')) });
  };
  return (
    <section className="card" aria-labelledby="incident-links-heading">
      <h2 id="incident-links-heading">{t('incidents.links.title')}</h2>
      {incident.links.length === 0 ? (
        <p className="muted">{t('incidents.links.empty')}</p>
      ) : (
        <ul className="link-list" data-testid="incident-links">
          {incident.links.map((link) => (
            <li key={`${link.kind}:${link.id}`}>
              <span className="badge">{t(`incidents.links.kinds.${link.kind}`)}</span> {link.label}{' '}
              <span className="muted">{link.id}</span>
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <form className="inline-form" onSubmit={submit}>
          <label>
            {t('incidents.links.kind')}
            <select value={kind} onChange={(event) => setKind(event.target.value as IncidentLink['kind'])}>
              <option value="vulnerability">{t('incidents.links.kinds.vulnerability')}</option>
              <option value="probe">{t('incidents.links.kinds.probe')}</option>
            </select>
          </label>
          <label>
            {t('incidents.links.id')}
            <input required maxLength={200} value={id} onChange={(event) => setId(event.target.value)} />
          </label>
          <label className="grow">
            {t('incidents.links.label')}
            <input required maxLength={300} value={label} onChange={(event) => setLabel(event.target.value)} />
          </label>
          <button type="submit" disabled={add.isPending}>
            {t('incidents.links.add')}
          </button>
        </form>
      )}
      <FormError error={add.error} />
    </section>
  );
}
