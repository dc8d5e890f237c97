import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MatchRowView } from '../../../contracts/vulnerabilities/match.schema';
import { usePermissions } from '../../api/permissions';
import { draftOf, type TriageDraft } from './triage-draft';
import { TriageForm, type TriageChoice } from './triage-form';
import { ConfidenceMark, KevBadge, SeverityBadge, TriageStatusBadge, WhyText } from './vulnerability-badges';
import { TitleBesideId } from './title-beside-id';

/** The decision a row shows, as a form draft (the row carries no detail text). */
function rowDraft(row: MatchRowView): TriageDraft {
  return {
    ...draftOf(null),
    status: row.status,
    justification: row.justification ?? '',
    owner: row.owner,
    due: row.due ?? '',
  };
}

/**
 * What a row's decision can apply to: its model, and its device on the device view. The decision
 * in force is offered for editing at the level it was recorded on.
 */
export function rowChoices(row: MatchRowView, modelLabel: string, deviceLabel: string): TriageChoice[] {
  const current = (level: 'model' | 'device') =>
    row.triageLevel === level && row.triageVersion !== null
      ? { draft: rowDraft(row), version: row.triageVersion }
      : null;
  const model: TriageChoice = {
    key: 'model',
    label: modelLabel,
    target: { kind: 'model', manufacturer: row.manufacturer, model: row.model },
    current: current('model'),
  };
  if (!row.deviceId) return [model];
  return [
    {
      key: 'device',
      label: deviceLabel,
      target: { kind: 'device', deviceId: row.deviceId },
      current: current('device'),
    },
    model,
  ];
}

/**
 * Matches one per row (a device × an advisory, or a model × an advisory): severity, KEV, status,
 * owner, due, confidence and why, with the triage form opening under a row.
 */
export function MatchTable({
  rows,
  view,
  showAdvisory = true,
}: {
  rows: readonly MatchRowView[];
  view: 'device' | 'model';
  showAdvisory?: boolean;
}) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [open, setOpen] = useState<string | null>(null);
  // Both views have nine columns besides the advisory's.
  const columns = 9 + (showAdvisory ? 1 : 0);
  return (
    <table className="data-table compact match-table" data-testid={`match-table-${view}`}>
      <thead>
        <tr>
          {view === 'device' && <th scope="col">{t('vulnerabilities.columns.device')}</th>}
          <th scope="col">{t('vulnerabilities.columns.model')}</th>
          <th scope="col">{t('vulnerabilities.columns.firmware')}</th>
          {view === 'model' && <th scope="col">{t('vulnerabilities.columns.devices')}</th>}
          {showAdvisory && <th scope="col">{t('vulnerabilities.columns.advisory')}</th>}
          <th scope="col">{t('vulnerabilities.columns.severity')}</th>
          <th scope="col">{t('vulnerabilities.columns.status')}</th>
          <th scope="col">{t('vulnerabilities.columns.owner')}</th>
          <th scope="col">{t('vulnerabilities.columns.due')}</th>
          <th scope="col">{t('vulnerabilities.columns.why')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('vulnerabilities.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = `${row.deviceId ?? `${row.manufacturer}\u0000${row.model}`}\u0000${row.advisoryId}`;
          return (
            <Fragment key={key}>
              <tr data-testid="match-row" data-tracking-id={row.trackingId} data-asset-tag={row.assetTag ?? ''}>
                {view === 'device' && (
                  <td>
                    {row.deviceId ? (
                      <Link to={`/inventory/devices/${row.deviceId}?tab=vulnerabilities`} className="code">
                        {row.assetTag}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                )}
                <td>
                  {row.manufacturer} {row.model}
                </td>
                <td className="code">{row.firmwareVersion || '—'}</td>
                {view === 'model' && <td className="number">{row.devices ?? '—'}</td>}
                {showAdvisory && (
                  <td className="advisory-cell">
                    <Link to={`/vulnerabilities/advisories/${encodeURIComponent(row.advisoryId)}`} className="code">
                      {row.trackingId}
                    </Link>
                    <TitleBesideId trackingId={row.trackingId} title={row.title} className="advisory-title" />
                  </td>
                )}
                <td>
                  <SeverityBadge severity={row.severity} />
                  <KevBadge kev={row.kev} />
                </td>
                <td>
                  <TriageStatusBadge status={row.status} />
                  {row.justification && (
                    <span className="muted small-text">{t(`vulnerabilities.justifications.${row.justification}`)}</span>
                  )}
                  {row.triageLevel && (
                    <span className="muted small-text">
                      {t(`vulnerabilities.advisory.triageLevel.${row.triageLevel}`)}
                    </span>
                  )}
                </td>
                <td>{row.owner || '—'}</td>
                <td>{row.due ?? '—'}</td>
                <td>
                  <WhyText why={row.why} />
                  {row.confidence === 'name' && <ConfidenceMark confidence="name" />}
                </td>
                <td>
                  {can('vulnerabilities.triage') && (
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open === key}
                      onClick={() => setOpen(open === key ? null : key)}
                      data-testid="triage-open"
                    >
                      {t('vulnerabilities.triage.edit')}
                    </button>
                  )}
                </td>
              </tr>
              {open === key && (
                <tr className="triage-row">
                  <td colSpan={columns}>
                    <TriageForm
                      advisoryId={row.advisoryId}
                      compact
                      choices={rowChoices(
                        row,
                        t('vulnerabilities.triage.targetModel', { manufacturer: row.manufacturer, model: row.model }),
                        t('vulnerabilities.triage.targetDevice', { assetTag: row.assetTag ?? '', name: '' }).trim(),
                      )}
                      initialKey={row.triageLevel ?? (row.deviceId ? 'device' : 'model')}
                      onDone={() => setOpen(null)}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
