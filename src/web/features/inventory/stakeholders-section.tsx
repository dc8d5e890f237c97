import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StakeholderInputBody, StakeholderView } from '../../../contracts/inventory/stakeholder.schema';
import { useApiMutation } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';
import { QueryState } from '../../components/query-state';
import { stakeholderApi, useStakeholders } from './stakeholders-api';

const ROLES = ['system_owner', 'operator', 'maintainer', 'provider', 'csirt_contact', 'management'] as const;

/** A system's stakeholders with their deputies, and (for writers) a form to add one. */
export function StakeholdersSection({
  systemId,
  canEdit,
  canDelete,
}: {
  systemId: string;
  canEdit: boolean;
  canDelete: boolean;
}) {
  const { t } = useTranslation();
  const stakeholders = useStakeholders('system', systemId);
  const [adding, setAdding] = useState(false);
  const remove = useApiMutation((stakeholder: StakeholderView) => stakeholderApi.remove(stakeholder));
  return (
    <section aria-labelledby="stakeholders-heading" data-testid="stakeholders-section">
      <h3 id="stakeholders-heading">{t('systemInventory.stakeholders')}</h3>
      <QueryState query={stakeholders}>
        {({ stakeholders: list }) =>
          list.length === 0 ? (
            <p className="muted">{t('systemInventory.stakeholdersEmpty')}</p>
          ) : (
            <table className="data-table" data-testid="stakeholder-list">
              <thead>
                <tr>
                  <th scope="col">{t('systemInventory.role')}</th>
                  <th scope="col">{t('systemInventory.name')}</th>
                  <th scope="col">{t('systemInventory.contact')}</th>
                  <th scope="col">{t('systemInventory.deputy')}</th>
                  {canDelete && <th scope="col" />}
                </tr>
              </thead>
              <tbody>
                {[...list]
                  .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role))
                  .map((stakeholder) => (
                    <tr key={stakeholder.id}>
                      <td>{t(`systemInventory.roles.${stakeholder.role}`)}</td>
                      <td>
                        {stakeholder.name}
                        {stakeholder.affiliation && (
                          <span className="muted">
                            {t('systemInventory.affiliationOf', { affiliation: stakeholder.affiliation })}
                          </span>
                        )}
                        {stakeholder.partyKind === 'organisation' && (
                          <span className="badge">{t('systemInventory.partyKinds.organisation')}</span>
                        )}
                      </td>
                      <td>{stakeholder.contact}</td>
                      <td>
                        {stakeholder.deputyName ? (
                          <>
                            {stakeholder.deputyName}
                            {stakeholder.deputyContact && <span className="muted"> {stakeholder.deputyContact}</span>}
                          </>
                        ) : (
                          <span className="muted">{t('systemInventory.noDeputy')}</span>
                        )}
                      </td>
                      {canDelete && (
                        <td>
                          <button
                            type="button"
                            className="link-button danger"
                            onClick={() =>
                              window.confirm(t('systemInventory.confirmDelete', { name: stakeholder.name })) &&
                              remove.mutate(stakeholder)
                            }
                          >
                            {t('systemInventory.delete')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <FormError error={remove.error} />
      {canEdit &&
        (adding ? (
          <StakeholderForm systemId={systemId} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)} data-testid="add-stakeholder">
            {t('systemInventory.addStakeholder')}
          </button>
        ))}
    </section>
  );
}

function StakeholderForm({ systemId, onDone }: { systemId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation((input: StakeholderInputBody) => stakeholderApi.create(input));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    create.mutate(
      {
        role: text('role') as StakeholderInputBody['role'],
        partyKind: text('partyKind') as NonNullable<StakeholderInputBody['partyKind']>,
        name: text('name'),
        affiliation: text('affiliation'),
        contact: text('contact'),
        deputyName: text('deputyName'),
        deputyContact: text('deputyContact'),
        scopeKind: 'system',
        scopeId: systemId,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} className="stacked-form wide edit-panel" aria-label={t('systemInventory.addStakeholder')}>
      <div className="inline-fields">
        <label>
          {t('systemInventory.role')}
          <select name="role" defaultValue="system_owner">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`systemInventory.roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('systemInventory.partyKind')}
          <select name="partyKind" defaultValue="person">
            <option value="person">{t('systemInventory.partyKinds.person')}</option>
            <option value="organisation">{t('systemInventory.partyKinds.organisation')}</option>
          </select>
        </label>
        <label>
          {t('systemInventory.name')}
          <input name="name" required maxLength={200} />
        </label>
        <label>
          {t('systemInventory.affiliation')}
          <input name="affiliation" maxLength={200} />
        </label>
        <label>
          {t('systemInventory.contact')}
          <input name="contact" maxLength={500} />
        </label>
        <label>
          {t('systemInventory.deputyName')}
          <input name="deputyName" maxLength={200} />
        </label>
        <label>
          {t('systemInventory.deputyContact')}
          <input name="deputyContact" maxLength={500} />
        </label>
      </div>
      <FormError error={create.error} />
      <div className="form-buttons">
        <button type="submit" disabled={create.isPending} data-testid="stakeholder-submit">
          {t('systemInventory.addStakeholder')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('providers.cancel')}
        </button>
      </div>
    </form>
  );
}
