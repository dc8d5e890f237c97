import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../contracts/assessment.schema';
import { sendForm } from '../../api/api-client';
import { evidenceDownloadUrl } from '../../api/assessment-queries';
import { FormError } from '../../components/form-error';
import type { IncidentDetail } from './incident-types';
import { incidentApi, incidentKeys } from './incidents-api';

/**
 * Logs and files kept for forensics: uploaded into the evidence store (content-addressed, hashed)
 * and then linked to the incident, which records an evidence entry in the timeline.
 */
export function IncidentEvidenceSection({ incident, canManage }: { incident: IncidentDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const upload = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      for (const file of Array.from(files)) {
        const form = new FormData();
        form.append('title', file.name);
        form.append('file', file, file.name);
        const evidence = await sendForm<Evidence>('/api/evidence', form);
        await incidentApi.addEvidence(incident.id, evidence.id);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incident.id) });
    }
  };
  return (
    <section className="card" aria-labelledby="incident-evidence-heading">
      <h2 id="incident-evidence-heading">{t('incidents.evidence.title')}</h2>
      <p className="muted">{t('incidents.evidence.lead')}</p>
      {incident.evidence.length === 0 ? (
        <p className="muted">{t('incidents.evidence.empty')}</p>
      ) : (
        <ul className="link-list" data-testid="incident-evidence">
          {incident.evidence.map((item) => (
            <li key={item.id}>
              {item.url ? (
                <a href={item.url} rel="noreferrer">
                  {item.title}
                </a>
              ) : (
                <a href={evidenceDownloadUrl(item.id)}>{item.title}</a>
              )}
              {item.sha256 && <span className="muted hash"> SHA-256 {item.sha256.slice(0, 12)}…</span>}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <label className="file-picker">
          <span className="button-like">
            {busy ? t('incidents.evidence.uploading') : t('incidents.evidence.upload')}
          </span>
          <input
            className="file-input"
            type="file"
            multiple
            disabled={busy}
            onChange={(event) => void upload(event.target.files).then(() => (event.target.value = ''))}
            data-testid="incident-evidence-input"
          />
        </label>
      )}
      <FormError error={error} />
    </section>
  );
}
