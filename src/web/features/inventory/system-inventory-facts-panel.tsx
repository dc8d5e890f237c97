import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InventoryFactView, InventoryFactsView } from '../../../contracts/inventory/inventory-facts.schema';
import { getJson } from '../../api/api-client';
import { assessmentApi, assessmentKeys, useFindings } from '../../api/assessment-queries';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';

/** Query key of an assessment's inventory facts. */
const factKeys = (assessmentId: string) => ['inventory', 'facts', assessmentId] as const;

/**
 * For the checksheet items about the inventory (02, 36, 40, 41): counts from the assessed
 * system's devices and flows, each gap with a button that raises it as a finding on the item.
 * Renders nothing for other items, or for members who cannot read the inventory.
 */
export function SystemInventoryFactsPanel({
  assessmentId,
  itemId,
  editable,
}: {
  assessmentId: string;
  itemId: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const queryClient = useQueryClient();
  const facts = useQuery({
    queryKey: factKeys(assessmentId),
    queryFn: ({ signal }) =>
      getJson<InventoryFactsView>(`/api/assessments/${encodeURIComponent(assessmentId)}/inventory-facts`, signal),
    enabled: can('inventory.read'),
  });
  const raise = useMutation({
    mutationFn: (text: string) =>
      assessmentApi.createFinding(assessmentId, { itemId, issue: text, priority: 'medium' }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: assessmentKeys.findings(assessmentId) }),
        queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessmentId) }),
      ]),
  });
  const findings = useFindings(assessmentId);
  // A fact already raised on this item (same text) offers no second button.
  const raised = new Set(
    (findings.data?.findings ?? []).filter((finding) => finding.itemId === itemId).map((finding) => finding.issue),
  );
  const mine = (facts.data?.facts ?? []).filter((fact) => fact.itemId === itemId);
  if (mine.length === 0) return null;
  const days = facts.data?.staleAfterDays ?? 365;
  const sentence = (fact: InventoryFactView) =>
    t(`inventoryFacts.keys.${fact.key}`, { count: fact.count, total: fact.total, days });
  const noDevices = mine.every((fact) => fact.total === 0);
  return (
    <section aria-labelledby="inventory-facts-heading" className="drawer-section" data-testid="inventory-facts">
      <h3 id="inventory-facts-heading">{t('inventoryFacts.title')}</h3>
      <p className="muted">{t('inventoryFacts.asOf', { day: facts.data?.asOf ?? '' })}</p>
      {noDevices && <p className="muted">{t('inventoryFacts.noSystemDevices')}</p>}
      <ul className="inventory-facts">
        {mine.map((fact) => (
          <li key={fact.key} className={fact.concern ? 'fact concern' : 'fact'} data-testid="inventory-fact">
            <span>{sentence(fact)}</span>
            {fact.concern && editable && can('findings.write') && !raised.has(sentence(fact)) && (
              <button
                type="button"
                className="secondary small"
                disabled={raise.isPending}
                onClick={() => raise.mutate(sentence(fact))}
                data-testid="raise-finding"
              >
                {t('inventoryFacts.raise')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {raise.isSuccess && <p role="status">{t('inventoryFacts.raised')}</p>}
      <FormError error={facts.error ?? raise.error} />
    </section>
  );
}
