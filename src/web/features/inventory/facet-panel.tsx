import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACET_KEYS, type DeviceQuery, type FacetKey } from '../../api/device-query';
import type { FacetCount, Facets } from '../../api/inventory-queries';

/** Values shown per facet before "show more". */
const FIRST_VALUES = 8;

/** The i18n prefix of a facet's value labels; free-text facets show values as they are. */
const VALUE_LABELS: Partial<Record<FacetKey, string>> = {
  deviceClass: 'inventory.deviceClass',
  status: 'inventory.statuses',
  support: 'inventory.support',
};

/** A facet value in the reader's words. */
export function useFacetValueLabel(): (key: FacetKey, value: string) => string {
  const { t, i18n } = useTranslation();
  return (key, value) => {
    if (value === '') return t('inventory.facets.blank');
    const prefix = VALUE_LABELS[key];
    return prefix && i18n.exists(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value;
  };
}

/**
 * Counts per value of each facet under the current filters; a value's checkbox adds it to the
 * filter (several values of one facet widen, different facets narrow).
 */
export function FacetPanel({
  facets,
  query,
  onToggle,
}: {
  facets: Facets | undefined;
  query: DeviceQuery;
  onToggle: (key: FacetKey, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <aside className="facet-panel" aria-label={t('inventory.facets.title')} data-testid="facet-panel">
      <h2>{t('inventory.facets.title')}</h2>
      {FACET_KEYS.map((key) => (
        <FacetGroup
          key={key}
          facet={key}
          counts={facets?.[key] ?? []}
          chosen={query.filters[key]}
          onToggle={(value) => onToggle(key, value)}
        />
      ))}
    </aside>
  );
}

function FacetGroup({
  facet,
  counts,
  chosen,
  onToggle,
}: {
  facet: FacetKey;
  counts: readonly FacetCount[];
  chosen: readonly string[];
  onToggle: (value: string) => void;
}) {
  const { t } = useTranslation();
  const label = useFacetValueLabel();
  const [expanded, setExpanded] = useState(false);
  // Chosen values stay visible (with 0) even when the other filters leave none of them.
  const values = [
    ...counts,
    ...chosen.filter((value) => !counts.some((count) => count.value === value)).map((value) => ({ value, count: 0 })),
  ];
  const shown = expanded ? values : values.slice(0, FIRST_VALUES);
  return (
    <fieldset className="facet-group" data-testid={`facet-${facet}`}>
      <legend>{t(`inventory.facets.${facet}`)}</legend>
      {values.length === 0 && <p className="muted">{t('inventory.facets.none')}</p>}
      <ul>
        {shown.map(({ value, count }) => (
          <li key={value}>
            <label className="facet-value" data-testid="facet-value" data-value={value}>
              <input type="checkbox" checked={chosen.includes(value)} onChange={() => onToggle(value)} />
              <span className="facet-label">{label(facet, value)}</span>
              <span className="facet-count">{count.toLocaleString()}</span>
            </label>
          </li>
        ))}
      </ul>
      {values.length > FIRST_VALUES && (
        <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('inventory.facets.less') : t('inventory.facets.more', { count: values.length - FIRST_VALUES })}
        </button>
      )}
    </fieldset>
  );
}
