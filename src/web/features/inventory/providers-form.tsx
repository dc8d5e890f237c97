import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderInputBody, ProviderView } from '../../../contracts/inventory/provider.schema';
import { ApiError } from '../../api/api-client';
import { useApiMutation } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';
import { providerApi } from './providers-api';

type Contact = ProviderView['contacts'][number];
type Certification = ProviderView['certifications'][number];
type Contract = ProviderView['contracts'][number];

const EMPTY_CONTACT: Contact = { name: '', role: '', email: '', phone: '' };
const EMPTY_CERTIFICATION: Certification = { scheme: 'JC-STAR', level: '', registrationNumber: '', validUntil: null };
const EMPTY_CONTRACT: Contract = { title: '', startsOn: null, endsOn: null, dataOwnership: '' };

/** Rows of one repeatable part (contacts, certifications, contracts): edit, add, remove. */
function useRows<T>(initial: readonly T[]) {
  const [rows, setRows] = useState<T[]>([...initial]);
  return {
    rows,
    add: (row: T) => setRows((current) => [...current, row]),
    remove: (index: number) => setRows((current) => current.filter((_, at) => at !== index)),
    change: (index: number, patch: Partial<T>) =>
      setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row))),
  };
}

const day = (value: string) => (value === '' ? null : value);

/**
 * Adds a provider, or edits `provider` (PATCH with its version). A stale version answers with the
 * stored provider, which the caller gets through `onConflict` to reload the form.
 */
export function ProviderForm({
  provider,
  onDone,
  onConflict,
}: {
  provider?: ProviderView;
  onDone: () => void;
  onConflict?: () => void;
}) {
  const { t } = useTranslation();
  const contacts = useRows<Contact>(provider?.contacts ?? []);
  const certifications = useRows<Certification>(provider?.certifications ?? []);
  const contracts = useRows<Contract>(provider?.contracts ?? []);
  const save = useApiMutation((input: ProviderInputBody) =>
    provider ? providerApi.update(provider.id, { ...input, version: provider.version }) : providerApi.create(input),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    save.mutate(
      {
        name: text('name'),
        kind: text('kind') as ProviderInputBody['kind'],
        contacts: contacts.rows,
        supportWindow: { until: day(text('supportUntil')), note: text('supportNote') },
        disclosureContact: text('disclosureContact'),
        certifications: certifications.rows,
        contracts: contracts.rows,
        dataOwnership: text('dataOwnership'),
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError && error.problem.status === 409) onConflict?.();
        },
      },
    );
  };
  const input = <T,>(
    rows: ReturnType<typeof useRows<T>>,
    index: number,
    key: keyof T & string,
    label: string,
    type = 'text',
  ) => (
    <label>
      {label}
      <input
        type={type}
        value={String(rows.rows[index]?.[key] ?? '')}
        onChange={(event) =>
          rows.change(index, { [key]: type === 'date' ? day(event.target.value) : event.target.value } as Partial<T>)
        }
      />
    </label>
  );
  return (
    <form
      onSubmit={submit}
      className="stacked-form wide edit-panel"
      aria-label={provider ? t('providers.edit') : t('providers.add')}
      data-testid="provider-form"
    >
      <div className="inline-fields">
        <label>
          {t('providers.name')}
          <input name="name" required maxLength={200} defaultValue={provider?.name ?? ''} />
        </label>
        <label>
          {t('providers.kind')}
          <select name="kind" defaultValue={provider?.kind ?? 'vendor'}>
            {(['vendor', 'integrator', 'cloud', 'other'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`providers.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('providers.supportUntil')}
          <input name="supportUntil" type="date" defaultValue={provider?.supportWindow.until ?? ''} />
        </label>
        <label>
          {t('providers.supportNote')}
          <input name="supportNote" maxLength={1000} defaultValue={provider?.supportWindow.note ?? ''} />
        </label>
        <label>
          {t('providers.disclosureContact')}
          <input name="disclosureContact" maxLength={500} defaultValue={provider?.disclosureContact ?? ''} />
        </label>
      </div>
      <fieldset>
        <legend>{t('providers.contacts')}</legend>
        {contacts.rows.map((_, index) => (
          <div className="inline-fields repeat-row" key={index}>
            {input(contacts, index, 'name', t('providers.contactName'))}
            {input(contacts, index, 'role', t('providers.contactRole'))}
            {input(contacts, index, 'email', t('providers.email'), 'email')}
            {input(contacts, index, 'phone', t('providers.phone'), 'tel')}
            <button type="button" className="link-button danger" onClick={() => contacts.remove(index)}>
              {t('providers.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => contacts.add(EMPTY_CONTACT)}>
          {t('providers.addContact')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('providers.certifications')}</legend>
        {certifications.rows.map((_, index) => (
          <div className="inline-fields repeat-row" key={index}>
            {input(certifications, index, 'scheme', t('providers.scheme'))}
            {input(certifications, index, 'level', t('providers.level'))}
            {input(certifications, index, 'registrationNumber', t('providers.registrationNumber'))}
            {input(certifications, index, 'validUntil', t('providers.validUntil'), 'date')}
            <button type="button" className="link-button danger" onClick={() => certifications.remove(index)}>
              {t('providers.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => certifications.add(EMPTY_CERTIFICATION)}>
          {t('providers.addCertification')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('providers.contracts')}</legend>
        {contracts.rows.map((_, index) => (
          <div className="inline-fields repeat-row" key={index}>
            {input(contracts, index, 'title', t('providers.contractTitle'))}
            {input(contracts, index, 'startsOn', t('providers.startsOn'), 'date')}
            {input(contracts, index, 'endsOn', t('providers.endsOn'), 'date')}
            {input(contracts, index, 'dataOwnership', t('providers.contractDataOwnership'))}
            <button type="button" className="link-button danger" onClick={() => contracts.remove(index)}>
              {t('providers.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => contracts.add(EMPTY_CONTRACT)}>
          {t('providers.addContract')}
        </button>
      </fieldset>
      <label>
        {t('providers.dataOwnership')}
        <textarea name="dataOwnership" maxLength={4000} rows={2} defaultValue={provider?.dataOwnership ?? ''} />
      </label>
      <FormError error={save.error} />
      <div className="form-buttons">
        <button type="submit" disabled={save.isPending} data-testid="provider-submit">
          {t('providers.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('providers.cancel')}
        </button>
      </div>
    </form>
  );
}
