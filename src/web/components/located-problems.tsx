import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { FormError } from './form-error';
import { problemReasons, useReasonText } from './problem-text';

/**
 * A refused file: the message, then each located problem as "file path — reason" (a JSON path or
 * a line, as the server named it). Errors without located problems fall back to FormError.
 * `testId` prefixes the test ids (`<testId>-error`, `<testId>-problem`).
 */
export function LocatedProblems({ error, testId }: { error: unknown; testId: string }) {
  const { t } = useTranslation();
  const say = useReasonText();
  const reasons = problemReasons(error);
  if (!error) return null;
  if (reasons.length === 0 || !(error instanceof ApiError)) return <FormError error={error} />;
  return (
    <div role="alert" className="form-error" data-testid={`${testId}-error`}>
      <p>{t(`errors.${error.problem.code}`, { defaultValue: error.problem.detail })}</p>
      <ul className="problem-list">
        {reasons.map((reason, index) => {
          const where = [reason.file, reason.path].filter(Boolean).join(' ');
          return (
            <li key={index} data-testid={`${testId}-problem`}>
              {where && <code className="summary">{where}</code>} {say(reason)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
