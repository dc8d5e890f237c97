import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { useReasonText } from './problem-text';

/**
 * A failed call in the reader's language: the message for the problem's code and every located
 * reason the server named (password rules, a blank name, an end before the start). Reasons for
 * the fields listed in `shownAtFields` are left out: a FieldError shows them beside their field.
 * The server's own English detail is kept for codes the UI does not know.
 */
export function FormError({ error, shownAtFields = [] }: { error: unknown; shownAtFields?: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const say = useReasonText();
  if (!error) return null;
  let lines: string[];
  if (error instanceof ApiError) {
    const { code, detail, errors = [] } = error.problem;
    const known = i18n.exists(`errors.${code}`);
    const reasons = errors
      .filter((reason) => !(reason.field !== undefined && shownAtFields.includes(reason.field)))
      .map((reason) => say(reason));
    const locatedElsewhere = errors.length > 0 && reasons.length === 0;
    lines = known
      ? [
          t(`errors.${code}`),
          ...(reasons.length > 0 || locatedElsewhere
            ? reasons
            : i18n.language === 'en' || code === 'RATE_LIMITED'
              ? [detail]
              : []),
        ]
      : [detail];
  } else {
    lines = [error instanceof Error ? error.message : String(error)];
  }
  return (
    <div role="alert" className="form-error" data-testid="form-error">
      {[...new Set(lines)].map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
