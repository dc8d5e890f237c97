import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';

/**
 * A failed call in the reader's language: the message for the problem's code and the reasons
 * the server named (password rules, wrong code); the server's own English detail is kept for
 * codes and reasons the UI does not know.
 */
export function FormError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  let lines: string[];
  if (error instanceof ApiError) {
    const { code, detail, errors = [] } = error.problem;
    const known = i18n.exists(`errors.${code}`);
    const reasons = errors
      .map((problem) => problem.reason)
      .filter((reason) => i18n.exists(`errors.reasons.${reason}`))
      .map((reason) => t(`errors.reasons.${reason}`));
    lines = known
      ? [
          t(`errors.${code}`),
          ...(reasons.length > 0 ? reasons : i18n.language === 'en' || code === 'RATE_LIMITED' ? [detail] : []),
        ]
      : [detail];
  } else {
    lines = [error instanceof Error ? error.message : String(error)];
  }
  return (
    <div role="alert" className="form-error" data-testid="form-error">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
