import { useTranslation } from 'react-i18next';
import type { ProbePlanView } from '../../../contracts/probes';

const SHOWN_TARGETS = 50;

/** A dry run's answer: every address that would be contacted, the ports and checks, and the count. */
export function PlanPreview({ plan }: { plan: ProbePlanView }) {
  const { t } = useTranslation();
  return (
    <section className="panel probe-plan" aria-labelledby="plan-heading" data-testid="probe-plan">
      <h2 id="plan-heading">{t('probes.runForm.plan.title')}</h2>
      <p data-testid="plan-formula" data-connections={plan.connections}>
        {t('probes.runForm.plan.formula', {
          targets: plan.targets.length.toLocaleString(),
          ports: plan.ports.length.toLocaleString(),
          connections: plan.connections.toLocaleString(),
        })}
      </p>
      {plan.allowCredentials && plan.checks.includes('default-credentials') && (
        <p className="probe-intrusive-note">⚠ {t('probes.runForm.plan.credentials')}</p>
      )}
      <dl className="field-list">
        <div>
          <dt>{t('probes.runForm.plan.targets')}</dt>
          <dd>
            <ul className="plan-targets" data-testid="plan-targets">
              {plan.targets.slice(0, SHOWN_TARGETS).map((target) => (
                <li key={target.address} data-testid="plan-target">
                  <code>{target.address}</code>
                  {target.hostname && <span className="muted"> ({target.hostname})</span>}
                  {target.assetTag && <span className="muted"> {target.assetTag}</span>}
                </li>
              ))}
            </ul>
            {plan.targets.length > SHOWN_TARGETS && (
              <span className="muted">
                {t('probes.runForm.plan.more', { count: plan.targets.length - SHOWN_TARGETS })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('probes.runForm.plan.ports')}</dt>
          <dd>
            <code>{plan.ports.join(', ')}</code>
          </dd>
        </div>
        <div>
          <dt>{t('probes.runForm.plan.checks')}</dt>
          <dd>{plan.checks.map((check) => t(`probes.checks.${check}`)).join(t('probes.separator'))}</dd>
        </div>
      </dl>
      {plan.unresolved.length > 0 && (
        <p className="muted">{t('probes.runForm.plan.unresolved', { names: plan.unresolved.join(', ') })}</p>
      )}
      {plan.devicesWithoutAddress.length > 0 && (
        <p className="muted">
          {t('probes.runForm.plan.withoutAddress', { tags: plan.devicesWithoutAddress.join(', ') })}
        </p>
      )}
    </section>
  );
}
