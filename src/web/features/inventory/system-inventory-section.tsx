import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IotSystem } from '../../../contracts/assessment.schema';
import type { DataFlowView } from '../../../contracts/inventory/data-flow.schema';
import { useApiMutation } from '../../api/auth-queries';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { QueryState } from '../../components/query-state';
import { dataFlowApi, useSystemDataFlows } from './data-flow-api';
import { DataFlowDiagram } from './data-flow-diagram';
import { DataFlowForm } from './data-flow-form';
import { DataFlowList } from './data-flow-list';
import { ProviderSummary } from './providers-summary';
import { useProviders } from './providers-api';
import { StakeholdersSection } from './stakeholders-section';

/**
 * The inventory side of a system page: its stakeholders (with deputies), the providers
 * maintaining its devices, and its data flows as a diagram, a list and a form.
 */
export function SystemInventorySection({ system }: { system: IotSystem }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const canEdit = can('inventory.manage');
  const canDelete = can('inventory.delete');
  const providers = useProviders(system.id);
  const flows = useSystemDataFlows(system.id);
  const [addingFlow, setAddingFlow] = useState(false);
  const removeFlow = useApiMutation((flow: DataFlowView) => dataFlowApi.remove(flow));
  if (!can('inventory.read')) return null;
  return (
    <section
      className="card system-inventory"
      aria-labelledby="system-inventory-heading"
      data-testid="system-inventory"
    >
      <h2 id="system-inventory-heading">{t('systemInventory.title')}</h2>
      <StakeholdersSection systemId={system.id} canEdit={canEdit} canDelete={canDelete} />
      <section aria-labelledby="system-providers-heading">
        <h3 id="system-providers-heading">{t('systemInventory.providers')}</h3>
        <QueryState query={providers}>
          {({ providers: list }) =>
            list.length === 0 ? (
              <p className="muted">{t('systemInventory.providersEmpty')}</p>
            ) : (
              <ul className="provider-summaries">
                {list.map((provider) => (
                  <li key={provider.id}>
                    <ProviderSummary provider={provider} />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
        <p>
          <Link to="/inventory/providers">{t('systemInventory.allProviders')}</Link>
        </p>
      </section>
      <section aria-labelledby="system-flows-heading">
        <h3 id="system-flows-heading">{t('dataFlows.title')}</h3>
        <QueryState query={flows}>
          {({ flows: list }) =>
            list.length === 0 ? (
              <p className="muted">{t('dataFlows.empty')}</p>
            ) : (
              <>
                <DataFlowDiagram flows={list} systemName={system.name} />
                <DataFlowList
                  flows={list}
                  {...(canDelete
                    ? {
                        onDelete: (flow: DataFlowView) =>
                          window.confirm(t('dataFlows.confirmDelete')) && removeFlow.mutate(flow),
                      }
                    : {})}
                />
              </>
            )
          }
        </QueryState>
        <FormError error={removeFlow.error} />
        {canEdit &&
          (addingFlow ? (
            <DataFlowForm systemId={system.id} onDone={() => setAddingFlow(false)} />
          ) : (
            <button type="button" onClick={() => setAddingFlow(true)} data-testid="add-data-flow">
              {t('dataFlows.add')}
            </button>
          ))}
      </section>
    </section>
  );
}
