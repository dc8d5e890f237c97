import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ConfirmationView } from '../../../contracts/vulnerabilities/confirmation.schema';
import type { VersionScheme } from '../../../core/vulnerabilities/advisory.types';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { formatDateTime } from '../assessments/assessment-model';
import { EMPTY_RANGE, formatVersions, versionsOf, type RangeDraft, type RangeError } from './range-draft';
import { useConfirmations, useDecideConfirmation } from './vulnerability-api';
import { SCHEME_LIST } from './vulnerability-vocabulary';
import { TitleBesideId } from './title-beside-id';

const STATUSES = ['pending', 'confirmed', 'rejected'] as const;
type Status = (typeof STATUSES)[number];

/**
 * /vulnerabilities/confirmations: version texts no parser could read with certainty, each with
 * its advisory and product; a person confirms a range (scheme and bounds) or rejects the text.
 */
export function ConfirmationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('vulnerabilities.confirmations.title'));
  const permissions = usePermissions();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: Status = STATUSES.find((candidate) => candidate === requested) ?? 'pending';
  const queue = useConfirmations(status);

  if (permissions.isLoading) return null;
  if (!permissions.can('vulnerabilities.read')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  const canDecide = permissions.can('vulnerabilities.triage');
  return (
    <div className="confirmations-page">
      <p>
        <Link to="/vulnerabilities">← {t('vulnerabilities.advisory.back')}</Link>
      </p>
      <h1>{t('vulnerabilities.confirmations.title')}</h1>
      <p className="muted">{t('vulnerabilities.confirmations.lead')}</p>
      <div role="tablist" aria-label={t('vulnerabilities.confirmations.show')} className="tab-bar">
        {STATUSES.map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            aria-selected={candidate === status}
            className={candidate === status ? 'tab active' : 'tab'}
            onClick={() => setParams(candidate === 'pending' ? {} : { status: candidate })}
          >
            {t(`vulnerabilities.confirmations.statuses.${candidate}`)}
          </button>
        ))}
      </div>
      <FormError error={queue.error} />
      {queue.isPending && <p role="status">{t('common.loading')}</p>}
      {queue.data && queue.data.items.length === 0 && (
        <p className="muted" data-testid="confirmations-empty">
          {t('vulnerabilities.confirmations.empty')}
        </p>
      )}
      <ul className="confirmation-list">
        {queue.data?.items.map((item) => (
          <li key={item.id} className="panel confirmation" data-testid="confirmation">
            <ConfirmationEntry item={item} canDecide={canDecide && item.status === 'pending'} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ConfirmationEntry({ item, canDecide }: { item: ConfirmationView; canDecide: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="field-list">
        <div>
          <dt>{t('vulnerabilities.confirmations.advisory')}</dt>
          <dd>
            <Link to={`/vulnerabilities/advisories/${encodeURIComponent(item.advisoryId)}`} className="code">
              {item.trackingId}
            </Link>
            <TitleBesideId trackingId={item.trackingId} title={item.advisoryTitle} />
          </dd>
        </div>
        <div>
          <dt>{t('vulnerabilities.confirmations.product')}</dt>
          <dd className="code">{item.product}</dd>
        </div>
        <div>
          <dt>{t('vulnerabilities.confirmations.text')}</dt>
          <dd>
            <q className="version-text" data-testid="confirmation-text">
              {item.text}
            </q>
          </dd>
        </div>
      </dl>
      {item.status !== 'pending' && (
        <p className="muted">
          {t('vulnerabilities.confirmations.decided', {
            status: t(`vulnerabilities.confirmations.statuses.${item.status}`),
            versions: item.versions ? formatVersions(item.versions) : '—',
          })}
          {item.decidedAt && ` · ${formatDateTime(item.decidedAt)}`}
        </p>
      )}
      {canDecide && <DecisionForm item={item} />}
    </>
  );
}

function DecisionForm({ item }: { item: ConfirmationView }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RangeDraft>(EMPTY_RANGE);
  const [problem, setProblem] = useState<RangeError>();
  const decide = useDecideConfirmation();
  const set = <K extends keyof RangeDraft>(field: K, value: RangeDraft[K]) => {
    setDraft({ ...draft, [field]: value });
    setProblem(undefined);
  };
  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const outcome = versionsOf(draft);
    if ('error' in outcome) {
      setProblem(outcome.error);
      return;
    }
    decide.mutate({
      id: item.id,
      decision: { decision: 'confirm', versions: outcome.versions, expectedVersion: item.version },
    });
  };
  const id = `confirmation-${item.id}`;
  return (
    <form onSubmit={confirm} className="confirmation-form" data-testid="confirmation-form" noValidate>
      <div className="range-grid">
        <label>
          {t('vulnerabilities.confirmations.scheme')}
          <select value={draft.scheme} onChange={(event) => set('scheme', event.currentTarget.value as VersionScheme)}>
            {SCHEME_LIST.map((scheme) => (
              <option key={scheme} value={scheme}>
                {t(`vulnerabilities.confirmations.schemes.${scheme}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="range-mode">
          <legend>{t('vulnerabilities.confirmations.mode')}</legend>
          {(['range', 'exact', 'all'] as const).map((mode) => (
            <label key={mode} className="radio">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={draft.mode === mode}
                onChange={() => set('mode', mode)}
              />
              {t(`vulnerabilities.confirmations.modes.${mode}`)}
            </label>
          ))}
        </fieldset>
        {draft.mode === 'range' && (
          <>
            <Bound
              label={t('vulnerabilities.confirmations.start')}
              value={draft.start}
              inclusive={draft.startInclusive}
              onValue={(value) => set('start', value)}
              onInclusive={(value) => set('startInclusive', value)}
              testId="confirmation-start"
            />
            <Bound
              label={t('vulnerabilities.confirmations.end')}
              value={draft.end}
              inclusive={draft.endInclusive}
              onValue={(value) => set('end', value)}
              onInclusive={(value) => set('endInclusive', value)}
              testId="confirmation-end"
            />
          </>
        )}
        {draft.mode === 'exact' && (
          <label>
            {t('vulnerabilities.confirmations.exact')}
            <input value={draft.exact} maxLength={100} onChange={(event) => set('exact', event.currentTarget.value)} />
          </label>
        )}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {t(`vulnerabilities.confirmations.errors.${problem}`)}
        </p>
      )}
      <FormError error={decide.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={decide.isPending} data-testid="confirmation-confirm">
          {t('vulnerabilities.confirmations.confirm')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={decide.isPending}
          onClick={() =>
            decide.mutate({ id: item.id, decision: { decision: 'reject', expectedVersion: item.version } })
          }
          data-testid="confirmation-reject"
        >
          {t('vulnerabilities.confirmations.reject')}
        </button>
      </div>
    </form>
  );
}

function Bound({
  label,
  value,
  inclusive,
  onValue,
  onInclusive,
  testId,
}: {
  label: string;
  value: string;
  inclusive: boolean;
  onValue: (value: string) => void;
  onInclusive: (value: boolean) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="range-bound">
      <label>
        {label}
        <input
          value={value}
          maxLength={100}
          onChange={(event) => onValue(event.currentTarget.value)}
          data-testid={testId}
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={inclusive} onChange={(event) => onInclusive(event.currentTarget.checked)} />
        {t('vulnerabilities.confirmations.inclusive')}
      </label>
    </div>
  );
}
