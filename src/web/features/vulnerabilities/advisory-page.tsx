import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AdvisoryDetailView } from '../../../contracts/vulnerabilities/advisory.schema';
import type { TriageView } from '../../../contracts/vulnerabilities/parts.schema';
import { ApiError } from '../../api/api-client';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { formatDateTime } from '../assessments/assessment-model';
import { draftOf } from './triage-draft';
import { TriageForm, type TriageChoice } from './triage-form';
import { useAdvisory } from './vulnerability-api';
import { ConfidenceMark, KevBadge, SeverityBadge, TriageStatusBadge, WhyText } from './vulnerability-badges';
import { TitleBesideId } from './title-beside-id';

/** /vulnerabilities/advisories/:id: the advisory's facts, the organisation's affected models and devices, and triage. */
export function AdvisoryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const permissions = usePermissions();
  const advisory = useAdvisory(id);
  usePageTitle(advisory.data ? advisory.data.trackingId : t('vulnerabilities.title'));

  if (permissions.isLoading) return null;
  if (!permissions.can('vulnerabilities.read')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  return (
    <div className="advisory-page">
      <p>
        <Link to="/vulnerabilities">← {t('vulnerabilities.advisory.back')}</Link>
      </p>
      {advisory.isPending && <p role="status">{t('common.loading')}</p>}
      {advisory.isError &&
        (advisory.error instanceof ApiError && advisory.error.problem.status === 404 ? (
          <p role="alert">{t('vulnerabilities.advisory.notFound')}</p>
        ) : (
          <FormError error={advisory.error} />
        ))}
      {advisory.data && (
        <AdvisoryDetails advisory={advisory.data} canTriage={permissions.can('vulnerabilities.triage')} />
      )}
    </div>
  );
}

/** The choices of the triage form: each affected model, then each affected device. */
function triageChoices(advisory: AdvisoryDetailView, t: TFunction): TriageChoice[] {
  const current = (triage: TriageView | null, kind: 'model' | 'device') =>
    triage && triage.target.kind === kind ? { draft: draftOf(triage), version: triage.version } : null;
  return [
    ...advisory.models.map((model) => ({
      key: `model:${model.manufacturer}\u0000${model.model}`,
      label: t('vulnerabilities.triage.targetModel', { manufacturer: model.manufacturer, model: model.model }),
      target: { kind: 'model' as const, manufacturer: model.manufacturer, model: model.model },
      current: current(model.triage, 'model'),
    })),
    ...advisory.devices.map((device) => ({
      key: `device:${device.deviceId}`,
      label: t('vulnerabilities.triage.targetDevice', { assetTag: device.assetTag, name: device.name }),
      target: { kind: 'device' as const, deviceId: device.deviceId },
      current: current(device.triage, 'device'),
    })),
  ];
}

function AdvisoryDetails({ advisory, canTriage }: { advisory: AdvisoryDetailView; canTriage: boolean }) {
  const { t } = useTranslation();
  const choices = triageChoices(advisory, t);
  return (
    <>
      <div className="page-header">
        <h1 data-testid="advisory-title">
          <span className="code">{advisory.trackingId}</span>
          <TitleBesideId trackingId={advisory.trackingId} title={advisory.title} language={advisory.language} />
        </h1>
      </div>
      {advisory.withdrawn && (
        <p role="status" className="notice">
          {t('vulnerabilities.advisory.withdrawn')}
        </p>
      )}
      <AdvisoryFacts advisory={advisory} />
      <section className="panel" aria-labelledby="affected-models">
        <h2 id="affected-models">{t('vulnerabilities.advisory.models')}</h2>
        {advisory.models.length === 0 ? (
          <p className="muted">{t('vulnerabilities.advisory.noModels')}</p>
        ) : (
          <table className="data-table compact" data-testid="affected-models">
            <thead>
              <tr>
                <th scope="col">{t('vulnerabilities.columns.model')}</th>
                <th scope="col">{t('vulnerabilities.advisory.firmwareVersions')}</th>
                <th scope="col" className="number">
                  {t('vulnerabilities.columns.devices')}
                </th>
                <th scope="col">{t('vulnerabilities.columns.confidence')}</th>
                <th scope="col">{t('vulnerabilities.columns.why')}</th>
                <th scope="col">{t('vulnerabilities.advisory.triage')}</th>
              </tr>
            </thead>
            <tbody>
              {advisory.models.map((model) => (
                <tr key={`${model.manufacturer}\u0000${model.model}`} data-testid="affected-model">
                  <td>
                    {model.manufacturer} {model.model}
                  </td>
                  <td className="code">{model.firmwareVersions.join(', ') || '—'}</td>
                  <td className="number">{model.devices}</td>
                  <td>
                    <ConfidenceMark confidence={model.confidence} />
                  </td>
                  <td>
                    <WhyText why={model.why} />
                  </td>
                  <td>
                    <TriageCell triage={model.triage} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="affected-devices">
        <h2 id="affected-devices">{t('vulnerabilities.advisory.devices')}</h2>
        {advisory.devicesTruncated && <p className="muted">{t('vulnerabilities.advisory.truncated')}</p>}
        {advisory.devices.length === 0 ? (
          <p className="muted">{t('vulnerabilities.advisory.noDevices')}</p>
        ) : (
          <table className="data-table compact" data-testid="affected-devices">
            <thead>
              <tr>
                <th scope="col">{t('vulnerabilities.columns.device')}</th>
                <th scope="col">{t('vulnerabilities.columns.firmware')}</th>
                <th scope="col">{t('vulnerabilities.columns.confidence')}</th>
                <th scope="col">{t('vulnerabilities.columns.why')}</th>
                <th scope="col">{t('vulnerabilities.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {advisory.devices.map((device) => (
                <tr key={device.deviceId} data-testid="affected-device" data-asset-tag={device.assetTag}>
                  <td>
                    <Link to={`/inventory/devices/${device.deviceId}?tab=vulnerabilities`} className="code">
                      {device.assetTag}
                    </Link>{' '}
                    {device.name}
                  </td>
                  <td className="code">{device.firmwareVersion || '—'}</td>
                  <td>
                    <ConfidenceMark confidence={device.confidence} />
                  </td>
                  <td>
                    <WhyText why={device.why} />
                  </td>
                  <td>
                    <TriageStatusBadge status={device.status} />
                    {device.triage && (
                      <span className="muted small-text">
                        {t(`vulnerabilities.advisory.triageLevel.${device.triage.target.kind}`)}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canTriage && choices.length > 0 && (
        <section className="panel" aria-labelledby="triage-heading" data-testid="triage-panel">
          <h2 id="triage-heading">{t('vulnerabilities.triage.title')}</h2>
          <TriageForm advisoryId={advisory.id} choices={choices} />
        </section>
      )}
    </>
  );
}

/** A decision in a table cell: status, justification and when it was recorded. */
function TriageCell({ triage }: { triage: TriageView | null }) {
  const { t } = useTranslation();
  if (!triage) return <span className="muted">{t('vulnerabilities.advisory.notTriaged')}</span>;
  return (
    <>
      <TriageStatusBadge status={triage.status} />
      {triage.justification && (
        <span className="muted small-text">{t(`vulnerabilities.justifications.${triage.justification}`)}</span>
      )}
      <span className="muted small-text">
        {t('vulnerabilities.triage.updated', { when: formatDateTime(triage.updatedAt) })}
      </span>
    </>
  );
}

function AdvisoryFacts({ advisory }: { advisory: AdvisoryDetailView }) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('vulnerabilities.advisory.none')}</span>;
  return (
    <section className="panel" aria-labelledby="advisory-facts">
      <h2 id="advisory-facts">{t('vulnerabilities.advisory.facts')}</h2>
      <dl className="field-list advisory-facts" data-testid="advisory-facts">
        <div>
          <dt>{t('vulnerabilities.advisory.trackingId')}</dt>
          <dd className="code">{advisory.trackingId}</dd>
        </div>
        <div>
          <dt>{t('vulnerabilities.advisory.source')}</dt>
          <dd>
            {t(`vulnerabilities.advisory.sources.${advisory.source}`)}{' '}
            <span className="muted">({t(`vulnerabilities.advisory.scope.${advisory.scope}`)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('vulnerabilities.advisory.cves')}</dt>
          <dd className="code">{advisory.cves.length > 0 ? advisory.cves.join(', ') : none}</dd>
        </div>
        <div>
          <dt>{t('vulnerabilities.columns.severity')}</dt>
          <dd>
            <SeverityBadge severity={advisory.severity} />
          </dd>
        </div>
        <div>
          <dt>{t('vulnerabilities.advisory.scores')}</dt>
          <dd>
            {advisory.scores.length === 0
              ? none
              : advisory.scores.map((score) => (
                  <span key={`${score.version}/${score.vector}`} className="score-line">
                    v{score.version} {score.baseScore.toFixed(1)} <code className="summary">{score.vector}</code>
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>{t('vulnerabilities.advisory.kev')}</dt>
          <dd>
            {advisory.kev ? (
              <>
                <KevBadge kev /> {t('vulnerabilities.advisory.kevAdded', { day: advisory.kev.dateAdded.slice(0, 10) })}
                {advisory.kev.dueDate &&
                  ` · ${t('vulnerabilities.advisory.kevDue', { day: advisory.kev.dueDate.slice(0, 10) })}`}
                {advisory.kev.requiredAction && <span className="score-line">{advisory.kev.requiredAction}</span>}
              </>
            ) : (
              t('vulnerabilities.advisory.notKev')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('vulnerabilities.advisory.published')}</dt>
          <dd>{advisory.published?.slice(0, 10) ?? none}</dd>
        </div>
        <div>
          <dt>{t('vulnerabilities.advisory.lastModified')}</dt>
          <dd>{advisory.lastModified.slice(0, 10)}</dd>
        </div>
      </dl>
      {advisory.summary && (
        <>
          <h3>{t('vulnerabilities.advisory.summary')}</h3>
          <p className="advisory-summary" lang={advisory.language}>
            {advisory.summary}
          </p>
        </>
      )}
      <h3>{t('vulnerabilities.advisory.remediations')}</h3>
      {advisory.remediations.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul className="advisory-remediations">
          {advisory.remediations.map((remediation, index) => (
            <li key={index} lang={advisory.language}>
              {remediation.text}
              {remediation.url && (
                <>
                  {' '}
                  <a href={remediation.url} target="_blank" rel="noreferrer noopener">
                    {remediation.url}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('vulnerabilities.advisory.references')}</h3>
      {advisory.references.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul className="advisory-references">
          {advisory.references.map((reference) => (
            <li key={reference}>
              {/^https?:\/\//.test(reference) ? (
                <a href={reference} target="_blank" rel="noreferrer noopener">
                  {reference}
                </a>
              ) : (
                reference
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
