import { useTranslation } from 'react-i18next';
import { fieldErrorId } from '../../components/field-error';
import { reasonsForField } from '../../components/problem-text';

const splitTargets = (text: string) => text.split(/[\s,]+/).filter((piece) => piece !== '');

/**
 * The server's reasons for a targets text, one line per refused entry: which entry (its number and
 * what was written), whether it lies outside the scope or cannot be read, and the server's detail.
 */
export function TargetErrors({ error, targets, id }: { error: unknown; targets: string; id: string }) {
  const { t, i18n } = useTranslation();
  const reasons = reasonsForField(error, 'targets');
  // The server names its probe reason (`params.probeReason`): say it in the reader's language.
  const detail = (reason: (typeof reasons)[number]): string => {
    const code = reason.params?.['probeReason'];
    return typeof code === 'string' && i18n.exists(`probes.reasons.${code}`)
      ? t(`probes.reasons.${code}`, { ...reason.params, interpolation: { escapeValue: false } })
      : reason.reason;
  };
  if (reasons.length === 0) return null;
  const written = splitTargets(targets);
  return (
    <div id={fieldErrorId(id)} className="field-error target-errors" role="alert" data-testid="field-error-targets">
      <p>{t('probes.targetErrors.title')}</p>
      <ul>
        {reasons.map((reason, index) => {
          const position = /\[(\d+)\]$/.exec(reason.path ?? '');
          const at = position ? Number(position[1]) : undefined;
          const value = (reason as { value?: string }).value ?? (at === undefined ? undefined : written[at]);
          const kind =
            reason.code === 'not_allowed_value' ? t('probes.targetErrors.outside') : t('probes.targetErrors.invalid');
          return (
            <li key={`${reason.path ?? ''}-${index}`} data-testid="target-error">
              {at !== undefined && value !== undefined
                ? t('probes.targetErrors.entry', { index: at + 1, value, reason: kind })
                : kind}{' '}
              <span className="muted">{t('probes.targetErrors.detail', { detail: detail(reason) })}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
