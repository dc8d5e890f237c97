import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLifecycle, type LifecycleCounts } from '../../api/inventory-queries';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';

const DEFAULT_DAYS = 365;

/** Each count, and the device-list query that shows the devices it counts. */
function cards(days: number): readonly { key: keyof LifecycleCounts; query: string; warn: boolean }[] {
  return [
    { key: 'supportEnded', query: 'support=ended', warn: true },
    { key: 'supportEnding3m', query: 'support=3m', warn: true },
    { key: 'supportEnding6m', query: 'support=3m&support=6m', warn: false },
    { key: 'supportEnding12m', query: 'support=3m&support=6m&support=12m', warn: false },
    { key: 'firmwareOlderThan', query: `firmwareOlderThanDays=${days}`, warn: false },
    { key: 'noOwner', query: 'noOwner=true', warn: false },
    { key: 'noLocation', query: 'noLocation=true', warn: false },
  ];
}

/** Life-cycle counts as cards, each linking to the device table filtered to what it counts. */
export function LifecyclePage() {
  const { t } = useTranslation();
  usePageTitle(t('inventory.lifecycleView.title'));
  const permissions = usePermissions();
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('days'));
  const days = Number.isInteger(requested) && requested > 0 ? requested : DEFAULT_DAYS;
  const counts = useLifecycle(days);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get('days'));
    if (Number.isInteger(value) && value > 0) setParams({ days: String(value) });
  };
  if (permissions.isLoading) return null;
  if (!permissions.can('inventory.read')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  return (
    <div className="lifecycle-page">
      <p>
        <Link to="/inventory">← {t('inventory.device.back')}</Link>
      </p>
      <h1>{t('inventory.lifecycleView.title')}</h1>
      <p className="muted">{t('inventory.lifecycleView.lead')}</p>
      <form onSubmit={submit} className="inline-form" key={days}>
        <label>
          {t('inventory.lifecycleView.days')}
          <input
            name="days"
            type="number"
            min={1}
            max={36500}
            defaultValue={days}
            required
            data-testid="lifecycle-days"
          />
        </label>
        <button type="submit">{t('inventory.lifecycleView.apply')}</button>
      </form>
      <FormError error={counts.error} />
      <ul className="lifecycle-cards">
        {cards(days).map((card) => {
          const count = counts.data?.[card.key];
          return (
            <li key={card.key}>
              <Link
                to={`/inventory?${card.query}`}
                className={`lifecycle-card${card.warn && count ? ' warn' : ''}`}
                data-testid={`lifecycle-${card.key}`}
              >
                <span className="lifecycle-label">{t(`inventory.lifecycleView.${card.key}`, { days })}</span>
                <span className="lifecycle-count" data-count={count ?? ''}>
                  {count === undefined ? '…' : t('inventory.lifecycleView.devices', { count: count.toLocaleString() })}
                </span>
                <span className="lifecycle-open">{t('inventory.lifecycleView.open')} →</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
