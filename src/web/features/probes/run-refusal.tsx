import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-client';
import { formatDateTime } from '../assessments/assessment-model';

/** The addresses a refused plan names as outside its scope (`extensions.outside`), if any. */
export function outsideAddresses(error: unknown): readonly string[] {
  if (!(error instanceof ApiError)) return [];
  const outside = (error.problem as { outside?: unknown }).outside;
  if (Array.isArray(outside)) return outside.filter((value): value is string => typeof value === 'string');
  return (error.problem.errors ?? []).some(
    (reason) => reason.code === 'not_allowed_value' && reason.field === 'targets',
  )
    ? ['?']
    : [];
}

/** The next window a scope allows, from a 409 `outside_time_window` refusal. */
function nextWindow(error: unknown): { start: string; end: string } | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const reason = (error.problem.errors ?? []).find((candidate) => candidate.code === 'outside_time_window');
  if (!reason) return undefined;
  const start = reason.params?.['nextStart'];
  const end = reason.params?.['nextEnd'];
  return { start: typeof start === 'string' ? start : '', end: typeof end === 'string' ? end : '' };
}

/**
 * Says plainly why a probe did not start when the scope refused it: targets outside the scope
 * (nothing was sent) or a time outside the scope's windows (with the next one). Other errors are
 * left to FormError.
 */
export function RunRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const outside = outsideAddresses(error);
  const window = nextWindow(error);
  if (outside.length > 0) {
    return (
      <div role="alert" className="notice probe-refused" data-testid="run-refused">
        <p>
          <strong>{t('probes.runForm.refused')}</strong>
        </p>
        {outside[0] !== '?' && (
          <p>
            <code>{outside.slice(0, 10).join(', ')}</code>
            {outside.length > 10 && ` ${t('probes.runForm.plan.more', { count: outside.length - 10 })}`}
          </p>
        )}
      </div>
    );
  }
  if (window) {
    return (
      <div role="alert" className="notice probe-refused" data-testid="run-outside-window">
        {t('probes.runForm.outsideWindow', { start: formatDateTime(window.start), end: formatDateTime(window.end) })}
      </div>
    );
  }
  return null;
}

/** True when RunRefusal has something to say about this error. */
export function isRefusal(error: unknown): boolean {
  return outsideAddresses(error).length > 0 || nextWindow(error) !== undefined;
}
