import { useTranslation } from 'react-i18next';
import type { ObservationResult } from './probe-vocabulary';

/** A pass/fail/inconclusive result as a badge; the word is always there, the colour only repeats it. */
export function ResultBadge({ result }: { result: ObservationResult }) {
  const { t } = useTranslation();
  return (
    <span className={`badge probe-result probe-result-${result}`} data-testid="probe-result" data-result={result}>
      {t(`probes.results.${result}`)}
    </span>
  );
}
