import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ProbeRunCreateInput, ProbeScopeView } from '../../../contracts/probes';
import { useSystems } from '../../api/assessment-queries';
import { useQuery } from '@tanstack/react-query';
import type { Device } from '../../../core/inventory/device.types';
import { getJson } from '../../api/api-client';
import { inventoryKeys } from '../../api/inventory-queries';
import { usePermissions } from '../../api/permissions';
import { FieldError } from '../../components/field-error';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { PlanPreview } from './plan-preview';
import { ProbeDevicePicker, type ProbeDevice } from './probe-device-picker';
import { DEFAULT_CHECKS, DEFAULT_PORTS, PROBE_CHECKS, type ProbeCheck } from './probe-vocabulary';
import { useScopes, useStartRun } from './probes-api';
import { isRefusal, RunRefusal } from './run-refusal';
import { parsePorts } from './scope-draft';
import { TargetErrors } from './target-errors';
import './probes.css';

type TargetMode = 'all' | 'subset' | 'devices';

/**
 * Runs a probe (`/inventory/probes/run?scope=ID&device=ID`): a scope, which of its targets (all,
 * some written out, or inventory devices), ports and checks. "Dry run" asks the server for the
 * plan — what would be contacted — without sending anything; "Run probe" starts it.
 */
export function RunFormPage() {
  const { t } = useTranslation();
  usePageTitle(t('probes.runForm.title'));
  const permissions = usePermissions();
  const scopes = useScopes();
  const [params] = useSearchParams();
  if (permissions.isLoading || scopes.isPending) return null;
  if (!permissions.can('probes.run')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  const list = scopes.data?.scopes ?? [];
  return (
    <div className="probes-page">
      <p>
        <Link to="/inventory/probes">← {t('probes.backToProbes')}</Link>
      </p>
      <h1>{t('probes.runForm.title')}</h1>
      <FormError error={scopes.error} />
      {list.length === 0 ? (
        <p className="muted" data-testid="no-scopes">
          {t('probes.runForm.noScopes')}
        </p>
      ) : (
        <RunForm scopes={list} initialScopeId={params.get('scope') ?? ''} initialDeviceId={params.get('device')} />
      )}
    </div>
  );
}

function RunForm({
  scopes,
  initialScopeId,
  initialDeviceId,
}: {
  scopes: readonly ProbeScopeView[];
  initialScopeId: string;
  initialDeviceId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const systems = useSystems();
  const preset = useQuery({
    queryKey: inventoryKeys.device(initialDeviceId ?? ''),
    queryFn: ({ signal }) =>
      getJson<Device>(`/api/inventory/devices/${encodeURIComponent(initialDeviceId ?? '')}`, signal),
    enabled: initialDeviceId !== null,
  });
  const [scopeId, setScopeId] = useState(
    scopes.some((scope) => scope.id === initialScopeId)
      ? initialScopeId
      : scopes.length === 1
        ? (scopes[0]?.id ?? '')
        : '',
  );
  const [mode, setMode] = useState<TargetMode>(initialDeviceId ? 'devices' : 'all');
  const [subset, setSubset] = useState('');
  const [devices, setDevices] = useState<ProbeDevice[] | null>(null);
  const [systemId, setSystemId] = useState('');
  const [ports, setPorts] = useState('');
  const [checks, setChecks] = useState<readonly ProbeCheck[]>(DEFAULT_CHECKS);
  const [portProblem, setPortProblem] = useState<string[]>([]);
  const start = useStartRun();
  const scope = scopes.find((candidate) => candidate.id === scopeId);
  // The device the page was opened for counts as chosen until the person changes the list.
  const chosen = devices ?? (initialDeviceId && preset.data ? [preset.data] : []);

  const request = (dryRun: boolean): ProbeRunCreateInput | undefined => {
    const parsed = parsePorts(ports);
    setPortProblem('invalid' in parsed ? parsed.invalid : []);
    if ('invalid' in parsed) return undefined;
    const allowed = checks.filter((check) => check !== 'default-credentials' || scope?.allowCredentials);
    return {
      scopeId,
      ...(mode === 'subset' ? { targets: subset.trim() } : {}),
      ...(mode === 'devices'
        ? { devices: systemId ? { systemId } : { deviceIds: chosen.map((device) => String(device.id)) } }
        : {}),
      ...(parsed.ports.length > 0 ? { ports: parsed.ports } : {}),
      checks: allowed.includes('ports') ? allowed : ['ports', ...allowed],
      dryRun,
    };
  };
  const submit = (dryRun: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const input = request(dryRun);
    if (!input) return;
    start.mutate(input, {
      onSuccess: (created) => {
        if (created.run) void navigate(`/inventory/probes/runs/${encodeURIComponent(created.run.id)}`);
      },
    });
  };
  const toggle = (check: ProbeCheck) =>
    setChecks((current) =>
      current.includes(check)
        ? current.filter((other) => other !== check)
        : PROBE_CHECKS.filter((c) => c === check || current.includes(c)),
    );
  const plan = start.data && !start.data.run ? start.data.plan : undefined;

  return (
    <form className="panel probe-form" onSubmit={submit(false)} data-testid="run-form" noValidate>
      <label className="field">
        {t('probes.runForm.scope')}
        <select value={scopeId} onChange={(event) => setScopeId(event.target.value)} data-testid="run-scope" required>
          <option value="">{t('probes.runForm.chooseScope')}</option>
          {scopes.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      {scope && (
        <p className="muted" data-testid="run-scope-targets">
          <code>{scope.targets}</code> ·{' '}
          {t('probes.scopes.rateValue', { rate: scope.rate, concurrency: scope.concurrency })}
        </p>
      )}
      {scope?.allowCredentials && <p className="probe-intrusive-note">⚠ {t('probes.scopeForm.credentialsOnNote')}</p>}

      <fieldset>
        <legend>{t('probes.runForm.targets')}</legend>
        {(['all', 'subset', 'devices'] as const).map((candidate) => (
          <label key={candidate} className="checkbox">
            <input
              type="radio"
              name="target-mode"
              checked={mode === candidate}
              onChange={() => setMode(candidate)}
              data-testid={`run-mode-${candidate}`}
            />
            {t(`probes.runForm.targets${candidate === 'all' ? 'All' : candidate === 'subset' ? 'Subset' : 'Devices'}`)}
          </label>
        ))}
        {mode === 'subset' && (
          <label className="field">
            {t('probes.runForm.subset')}
            <textarea
              rows={3}
              value={subset}
              onChange={(event) => setSubset(event.target.value)}
              className="code-input"
              spellCheck={false}
              data-testid="run-subset"
            />
            <span className="muted field-help">{t('probes.runForm.subsetHelp')}</span>
          </label>
        )}
        {mode === 'subset' && <TargetErrors error={start.error} targets={subset} id="run-subset" />}
        {mode === 'devices' && (
          <div className="probe-run-devices">
            <label className="field">
              {t('probes.runForm.deviceSystem')}
              <select value={systemId} onChange={(event) => setSystemId(event.target.value)} data-testid="run-system">
                <option value="">{t('probes.runForm.noSystem')}</option>
                {systems.data?.systems.map((system) => (
                  <option key={system.id} value={system.id}>
                    {system.name}
                  </option>
                ))}
              </select>
            </label>
            {!systemId && (
              <>
                <ProbeDevicePicker
                  label={t('probes.runForm.targetsDevices')}
                  exclude={chosen.map((device) => device.id)}
                  onAdd={(device) => setDevices([...chosen, device])}
                />
                <p className="muted">{t('probes.runForm.devicesPicked')}</p>
                {chosen.length === 0 ? (
                  <p className="muted">{t('probes.scopeForm.devicesNone')}</p>
                ) : (
                  <ul className="picker-selected" data-testid="run-devices">
                    {chosen.map((device) => (
                      <li key={device.id}>
                        <span className="code">{device.assetTag}</span> {device.name}{' '}
                        <span className="muted">{device.ipAddresses.join(', ')}</span>{' '}
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setDevices(chosen.filter((other) => other.id !== device.id))}
                        >
                          {t('probes.scopeForm.removeDevice')}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            <FieldError error={start.error} field="devices" id="run-devices" />
          </div>
        )}
      </fieldset>

      <label className="field">
        {t('probes.runForm.ports')}
        <input
          value={ports}
          onChange={(event) => setPorts(event.target.value)}
          placeholder={DEFAULT_PORTS.join(', ')}
          data-testid="run-ports"
        />
        <span className="muted field-help">{t('probes.runForm.portsHelp', { ports: DEFAULT_PORTS.join(', ') })}</span>
      </label>
      {portProblem.length > 0 && (
        <span className="field-error" role="alert" data-testid="field-error-ports">
          {t('errors.reasons.invalid_value')}: {portProblem.join(', ')}
        </span>
      )}
      <FieldError error={start.error} field="ports" id="run-ports" />

      <fieldset className="probe-checks">
        <legend>{t('probes.runForm.checks')}</legend>
        {PROBE_CHECKS.map((check) => {
          const locked = check === 'ports';
          const forbidden = check === 'default-credentials' && !scope?.allowCredentials;
          return (
            <label key={check} className={forbidden ? 'checkbox disabled' : 'checkbox'}>
              <input
                type="checkbox"
                checked={locked || (!forbidden && checks.includes(check))}
                disabled={locked || forbidden}
                onChange={() => toggle(check)}
                data-testid={`run-check-${check}`}
              />
              <span>
                {t(`probes.checks.${check}`)}{' '}
                <span className="muted">
                  {forbidden ? t('probes.runForm.checkNeedsCredentials') : t(`probes.checkHelp.${check}`)}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>

      <RunRefusal error={start.error} />
      {!isRefusal(start.error) && <FormError error={start.error} shownAtFields={['targets', 'ports', 'devices']} />}
      <div className="form-buttons">
        <button type="button" disabled={!scopeId || start.isPending} onClick={submit(true)} data-testid="run-dry">
          {t('probes.runForm.dryRun')}
        </button>
        <button type="submit" disabled={!scopeId || start.isPending} data-testid="run-start">
          {start.isPending ? t('probes.runForm.starting') : t('probes.runForm.start')}
        </button>
      </div>
      {plan && <PlanPreview plan={plan} />}
    </form>
  );
}
