import { useTranslation } from 'react-i18next';
import type { ProbeTimeWindow } from '../../../contracts/probes';
import { FieldError } from '../../components/field-error';
import { WEEKDAYS, type Weekday } from './scope-draft';

const NEW_WINDOW: ProbeTimeWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '22:00', end: '06:00' };

/** The time windows of a scope: days and hours per window, added and removed in place. */
export function TimeWindowsField({
  windows,
  onChange,
  error,
}: {
  windows: readonly ProbeTimeWindow[];
  onChange: (windows: ProbeTimeWindow[]) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<ProbeTimeWindow>) =>
    onChange(windows.map((window, at) => (at === index ? { ...window, ...patch } : window)));
  const toggleDay = (index: number, day: Weekday) => {
    const days = windows[index]?.days ?? [];
    change(index, {
      days: days.includes(day)
        ? days.filter((other) => other !== day)
        : WEEKDAYS.filter((d) => d === day || days.includes(d)),
    });
  };
  return (
    <fieldset className="probe-windows" data-testid="scope-windows">
      <legend>{t('probes.scopeForm.windows')}</legend>
      <p className="muted">{t('probes.scopeForm.windowsHelp')}</p>
      {windows.length === 0 && <p className="muted">{t('probes.scopeForm.windowsNone')}</p>}
      {windows.map((window, index) => (
        <div key={index} className="probe-window" data-testid="scope-window">
          <span className="probe-window-days" role="group" aria-label={t('probes.scopeForm.windowDays')}>
            {WEEKDAYS.map((day) => (
              <label key={day} className="checkbox">
                <input type="checkbox" checked={window.days.includes(day)} onChange={() => toggleDay(index, day)} />
                {t(`probes.scopeForm.weekdays.${day}`)}
              </label>
            ))}
          </span>
          <label>
            {t('probes.scopeForm.windowFrom')}
            <input
              type="time"
              required
              value={window.start}
              onChange={(event) => change(index, { start: event.target.value })}
            />
          </label>
          <label>
            {t('probes.scopeForm.windowTo')}
            <input
              type="time"
              required
              value={window.end}
              onChange={(event) => change(index, { end: event.target.value })}
            />
          </label>
          <button
            type="button"
            className="link-button"
            onClick={() => onChange(windows.filter((_, at) => at !== index))}
          >
            {t('probes.scopeForm.removeWindow')}
          </button>
        </div>
      ))}
      {windows.length > 0 && <p className="muted">{t('probes.scopeForm.overnight')}</p>}
      <FieldError error={error} field="timeWindows" id="scope-windows" />
      <button type="button" onClick={() => onChange([...windows, NEW_WINDOW])} data-testid="add-window">
        {t('probes.scopeForm.addWindow')}
      </button>
    </fieldset>
  );
}
