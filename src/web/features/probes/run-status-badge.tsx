import { useTranslation } from 'react-i18next';
import type { ProbeRunView } from '../../../contracts/probes';

/** A run's status as a badge; a run stopped early reads "cancelled" whatever its job says. */
export function RunStatusBadge({ status, cancelled }: { status: ProbeRunView['status']; cancelled: boolean }) {
  const { t } = useTranslation();
  const shown = cancelled ? 'cancelled' : status;
  return (
    <span className={`badge probe-run-${shown}`} data-testid="run-status" data-status={shown}>
      {t(`probes.status.${shown}`)}
    </span>
  );
}
