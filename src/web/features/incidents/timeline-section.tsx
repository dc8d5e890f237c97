import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { formatDateTime } from '../assessments/assessment-model';
import type { TimelineEntry } from './incident-types';
import { incidentApi, useIncidentMutation } from './incidents-api';

type WritableKind = 'note' | 'decision' | 'correction';

/**
 * The append-only timeline: entries oldest first, each correction pointing at what it corrects
 * (and the corrected entry saying by which), and a form adding a note, decision or correction.
 * Nothing here edits or deletes an entry; the API has no way to.
 */
export function TimelineSection({
  incidentId,
  entries,
  canManage,
}: {
  incidentId: string;
  entries: readonly TimelineEntry[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<WritableKind>('note');
  const [body, setBody] = useState('');
  const [correctsSeq, setCorrectsSeq] = useState<number | null>(null);
  const add = useIncidentMutation(incidentApi.addEntry.bind(null, incidentId));
  const correctedBy = new Map(
    entries.filter((entry) => entry.correctsSeq !== null).map((entry) => [entry.correctsSeq, entry.seq]),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        kind,
        body: body.trim(),
        ...(kind === 'correction' && correctsSeq !== null ? { correctsSeq } : {}),
      },
      { onSuccess: () => (setBody(''), setKind('note'), setCorrectsSeq(null)) },
    );
  };
  const startCorrection = (seq: number) => {
    setKind('correction');
    setCorrectsSeq(seq);
  };
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('incidents.timeline.title')}</h2>
      <p className="muted">{t('incidents.timeline.lead')}</p>
      {entries.length === 0 ? (
        <p className="muted">{t('incidents.timeline.empty')}</p>
      ) : (
        <ol className="incident-timeline" data-testid="timeline">
          {entries.map((entry) => {
            const correction = correctedBy.get(entry.seq);
            return (
              <li
                key={entry.seq}
                className={`timeline-entry kind-${entry.kind}${correction !== undefined ? ' corrected' : ''}`}
                data-testid="timeline-entry"
                data-kind={entry.kind}
              >
                <div className="timeline-meta">
                  <span className="timeline-seq">#{entry.seq}</span>
                  <span className="badge">{t(`incidents.timeline.kinds.${entry.kind}`)}</span>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  <span className="muted">{entry.actorLabel}</span>
                  {entry.correctsSeq !== null && (
                    <span className="muted">{t('incidents.timeline.correctsSeq', { seq: entry.correctsSeq })}</span>
                  )}
                  {correction !== undefined && (
                    <span className="muted">{t('incidents.timeline.correctedBy', { seq: correction })}</span>
                  )}
                  {canManage && (
                    <button type="button" className="link-button" onClick={() => startCorrection(entry.seq)}>
                      {t('incidents.timeline.correct')}
                    </button>
                  )}
                </div>
                <p className="timeline-body">{entry.body}</p>
              </li>
            );
          })}
        </ol>
      )}
      {canManage && (
        <form className="timeline-form" onSubmit={submit} aria-label={t('incidents.timeline.add')}>
          <div className="inline-fields">
            <label className="field">
              {t('incidents.timeline.kind')}
              <select
                value={kind}
                onChange={(event) => setKind(event.target.value as WritableKind)}
                data-testid="timeline-kind"
              >
                {(['note', 'decision', 'correction'] as const).map((value) => (
                  <option key={value} value={value}>
                    {t(`incidents.timeline.kinds.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            {kind === 'correction' && (
              <label className="field">
                {t('incidents.timeline.corrects')}
                <select
                  required
                  value={correctsSeq ?? ''}
                  onChange={(event) => setCorrectsSeq(event.target.value ? Number(event.target.value) : null)}
                  data-testid="timeline-corrects"
                >
                  <option value="" />
                  {entries.map((entry) => (
                    <option key={entry.seq} value={entry.seq}>
                      #{entry.seq} {entry.body.slice(0, 40)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <label className="field">
            {t('incidents.timeline.body')}
            <textarea
              required
              rows={3}
              maxLength={10000}
              value={body}
              onChange={(event) => setBody(event.target.value)}
              data-testid="timeline-body"
            />
          </label>
          <FormError error={add.error} />
          <button type="submit" disabled={add.isPending || !body.trim()} data-testid="timeline-submit">
            {t('incidents.timeline.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
