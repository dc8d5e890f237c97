import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FLOW_DATA_CLASSES,
  type DataFlowInputBody,
  type FlowEndBody,
} from '../../../contracts/inventory/data-flow.schema';
import { getJson } from '../../api/api-client';
import { useApiMutation } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';
import { dataFlowApi } from './data-flow-api';

type EndKind = FlowEndBody['kind'];

/** Devices of the system offered as suggestions, when the device API answers (ids stay typeable). */
function useDeviceSuggestions(systemId: string) {
  return useQuery({
    queryKey: ['inventory', 'system-devices', systemId],
    queryFn: async ({ signal }) => {
      const body = await getJson<{ devices?: { id: number | string; assetTag?: string; name?: string }[] }>(
        `/api/systems/${encodeURIComponent(systemId)}/devices`,
        signal,
      );
      return body.devices ?? [];
    },
    retry: false,
  });
}

function EndFields({ prefix, systemId, initial }: { prefix: 'from' | 'to'; systemId: string; initial: EndKind }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<EndKind>(initial);
  const devices = useDeviceSuggestions(systemId);
  return (
    <fieldset className="flow-end">
      <legend>{t(`dataFlows.${prefix}`)}</legend>
      <label>
        <select name={`${prefix}Kind`} value={kind} onChange={(event) => setKind(event.target.value as EndKind)}>
          {(['device', 'system', 'external'] as const).map((option) => (
            <option key={option} value={option}>
              {t(`dataFlows.endKinds.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'device' && (
        <label>
          {t('dataFlows.deviceId')}
          <input
            name={`${prefix}DeviceId`}
            required
            inputMode="numeric"
            pattern="\d{1,15}"
            list={`${prefix}-devices`}
            title={t('dataFlows.deviceHint')}
          />
          <datalist id={`${prefix}-devices`}>
            {(devices.data ?? []).map((device) => (
              <option key={String(device.id)} value={String(device.id)}>
                {[device.assetTag, device.name].filter(Boolean).join(' ')}
              </option>
            ))}
          </datalist>
        </label>
      )}
      {kind === 'external' && (
        <>
          <label>
            {t('dataFlows.externalName')}
            <input name={`${prefix}Name`} required maxLength={200} />
          </label>
          <label>
            {t('dataFlows.country')}
            <input
              name={`${prefix}Country`}
              required
              pattern="[A-Za-z]{2}"
              maxLength={2}
              size={4}
              title={t('dataFlows.countryHint')}
              placeholder="JP"
            />
          </label>
        </>
      )}
    </fieldset>
  );
}

/** Adds a flow to the system: two ends, protocol, port, data classes, encryption, internet, border. */
export function DataFlowForm({ systemId, onDone }: { systemId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation((input: DataFlowInputBody) => dataFlowApi.create(input));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const end = (prefix: 'from' | 'to'): FlowEndBody => {
      const kind = text(`${prefix}Kind`) as EndKind;
      if (kind === 'device') return { kind, id: text(`${prefix}DeviceId`) };
      if (kind === 'system') return { kind, id: systemId };
      return { kind, name: text(`${prefix}Name`), country: text(`${prefix}Country`).toUpperCase() };
    };
    const choice = (name: string) => (text(name) === '' ? undefined : text(name) === 'true');
    const crossesInternet = choice('crossesInternet');
    const crossesBorder = choice('crossesBorder');
    create.mutate(
      {
        systemId,
        from: end('from'),
        to: end('to'),
        protocol: text('protocol'),
        port: text('port') === '' ? null : Number(text('port')),
        dataClasses: form.getAll('dataClasses').map(String) as NonNullable<DataFlowInputBody['dataClasses']>,
        encrypted: text('encrypted') as NonNullable<DataFlowInputBody['encrypted']>,
        description: text('description'),
        ...(crossesInternet === undefined ? {} : { crossesInternet }),
        ...(crossesBorder === undefined ? {} : { crossesBorder }),
      },
      { onSuccess: onDone },
    );
  };
  const autoSelect = (name: string, label: string) => (
    <label>
      {label}
      <select name={name} defaultValue="">
        <option value="">{t('dataFlows.auto')}</option>
        <option value="true">{t('dataFlows.yes')}</option>
        <option value="false">{t('dataFlows.no')}</option>
      </select>
    </label>
  );
  return (
    <form
      onSubmit={submit}
      className="stacked-form wide edit-panel"
      aria-label={t('dataFlows.add')}
      data-testid="data-flow-form"
    >
      <div className="flow-ends">
        <EndFields prefix="from" systemId={systemId} initial="device" />
        <EndFields prefix="to" systemId={systemId} initial="external" />
      </div>
      <div className="inline-fields">
        <label>
          {t('dataFlows.protocol')}
          <input name="protocol" required maxLength={50} placeholder="MQTT" />
        </label>
        <label>
          {t('dataFlows.port')}
          <input name="port" type="number" min={1} max={65535} />
        </label>
        <label>
          {t('dataFlows.encrypted')}
          <select name="encrypted" defaultValue="unknown">
            {(['yes', 'no', 'unknown'] as const).map((state) => (
              <option key={state} value={state}>
                {t(`dataFlows.encryption.${state}`)}
              </option>
            ))}
          </select>
        </label>
        {autoSelect('crossesInternet', t('dataFlows.crossesInternet'))}
        {autoSelect('crossesBorder', t('dataFlows.crossesBorder'))}
      </div>
      <fieldset>
        <legend>{t('dataFlows.dataClasses')}</legend>
        {FLOW_DATA_CLASSES.map((dataClass) => (
          <label key={dataClass} className="checkbox">
            <input type="checkbox" name="dataClasses" value={dataClass} />
            {t(`dataFlows.dataClassNames.${dataClass}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('dataFlows.description')}
        <input name="description" maxLength={4000} />
      </label>
      <FormError error={create.error} />
      <div className="form-buttons">
        <button type="submit" disabled={create.isPending} data-testid="data-flow-submit">
          {t('dataFlows.add')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('providers.cancel')}
        </button>
      </div>
    </form>
  );
}
