import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../contracts/inventory/provider.schema';
import { useApiMutation } from '../../api/auth-queries';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';
import { providerApi, useProviders } from './providers-api';
import { ProviderForm } from './providers-form';
import { ProviderSummary } from './providers-summary';

/** The organisation's providers: a list with contacts and contracts, and a form to add or edit one. */
export function ProvidersPage() {
  const { t } = useTranslation();
  usePageTitle(t('providers.title'));
  const { can } = usePermissions();
  const providers = useProviders();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [conflict, setConflict] = useState(false);
  const remove = useApiMutation((provider: ProviderView) => providerApi.remove(provider));
  return (
    <div className="providers-page">
      <h1>{t('providers.title')}</h1>
      <p className="muted">{t('providers.lead')}</p>
      {conflict && (
        <p role="status" className="form-error">
          {t('providers.conflict')}
        </p>
      )}
      {can('inventory.manage') && editing !== 'new' && (
        <button type="button" onClick={() => setEditing('new')} data-testid="add-provider">
          {t('providers.add')}
        </button>
      )}
      {editing === 'new' && <ProviderForm onDone={() => setEditing(null)} />}
      <FormError error={remove.error} />
      <QueryState query={providers}>
        {({ providers: list }) =>
          list.length === 0 ? (
            <p className="muted">{t('providers.empty')}</p>
          ) : (
            <ul className="provider-cards" data-testid="provider-list">
              {list.map((provider) => (
                <li key={provider.id} className="card">
                  {editing === provider.id ? (
                    <ProviderForm
                      key={provider.version}
                      provider={provider}
                      onDone={() => (setEditing(null), setConflict(false))}
                      onConflict={() => setConflict(true)}
                    />
                  ) : (
                    <>
                      <ProviderSummary provider={provider} />
                      <ProviderDetails provider={provider} />
                      <span className="row-actions">
                        {can('inventory.manage') && (
                          <button type="button" className="link-button" onClick={() => setEditing(provider.id)}>
                            {t('providers.edit')}
                          </button>
                        )}
                        {can('inventory.delete') && (
                          <button
                            type="button"
                            className="link-button danger"
                            onClick={() =>
                              window.confirm(t('providers.confirmDelete', { name: provider.name })) &&
                              remove.mutate(provider)
                            }
                          >
                            {t('providers.delete')}
                          </button>
                        )}
                      </span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}

function ProviderDetails({ provider }: { provider: ProviderView }) {
  const { t } = useTranslation();
  return (
    <dl className="provider-details">
      {provider.contacts.length > 0 && (
        <>
          <dt>{t('providers.contacts')}</dt>
          {provider.contacts.map((contact, index) => (
            <dd key={index}>
              {contact.name}
              {contact.role && t('systemInventory.affiliationOf', { affiliation: contact.role })}{' '}
              {[contact.email, contact.phone].filter(Boolean).join(' ')}
            </dd>
          ))}
        </>
      )}
      {provider.supportWindow.note && (
        <>
          <dt>{t('providers.supportNote')}</dt>
          <dd>{provider.supportWindow.note}</dd>
        </>
      )}
      {provider.contracts.length > 0 && (
        <>
          <dt>{t('providers.contracts')}</dt>
          {provider.contracts.map((contract, index) => (
            <dd key={index}>
              {contract.title} {contract.startsOn ?? ''}〜{contract.endsOn ?? ''}
              {contract.dataOwnership && <span className="muted"> {contract.dataOwnership}</span>}
            </dd>
          ))}
        </>
      )}
      {provider.dataOwnership && (
        <>
          <dt>{t('providers.dataOwnership')}</dt>
          <dd>{provider.dataOwnership}</dd>
        </>
      )}
    </dl>
  );
}
