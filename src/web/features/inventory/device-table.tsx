import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Device } from '../../../core/inventory/device.types';
import type { DeviceQuery, SortKey } from '../../api/device-query';
import { formatDateTime } from '../assessments/assessment-model';
import { formatFieldValue } from './device-fields';
import type { Selection } from './selection';
import { isSelected } from './selection';
import { visibleRange } from './visible-range';

/** Every row is this tall (CSS keeps cells to one line), so positions follow from indexes. */
export const ROW_HEIGHT = 36;
const OVERSCAN = 10;
/** Ask for the next page when the view comes this close to the last loaded row. */
const PREFETCH_ROWS = 60;

/** A column; one without a width shares what the fixed ones leave. */
type Column = { key: keyof Device; sort?: SortKey; width?: string };
const COLUMNS: readonly Column[] = [
  { key: 'assetTag', sort: 'assetTag', width: '7.5rem' },
  { key: 'name', sort: 'name', width: '10rem' },
  { key: 'deviceClass', width: '6.5rem' },
  { key: 'manufacturer', sort: 'manufacturer' },
  { key: 'model', sort: 'model' },
  { key: 'firmwareVersion', sort: 'firmwareVersion', width: '7.4rem' },
  { key: 'site', sort: 'site', width: '7rem' },
  { key: 'status', sort: 'status', width: '5.2rem' },
  { key: 'supportUntil', sort: 'supportUntil', width: '8rem' },
  { key: 'updatedAt', sort: 'updatedAt', width: '7rem' },
];

/**
 * The device list as a table that renders only the rows in view: the scroll box is as tall as
 * the loaded rows, spacer rows stand in for the rest, and nearing the end loads the next page.
 */
export function DeviceTable({
  devices,
  query,
  hasNext,
  isFetchingNext,
  onNeedMore,
  onSort,
  selectable,
  selection,
  onToggle,
  onToggleLoaded,
}: {
  devices: readonly Device[];
  query: DeviceQuery;
  hasNext: boolean;
  isFetchingNext: boolean;
  onNeedMore: () => void;
  onSort: (sort: SortKey) => void;
  /** Whether rows have checkboxes (only for members who may edit devices). */
  selectable: boolean;
  selection: Selection;
  onToggle: (id: number) => void;
  onToggleLoaded: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ scrollTop: 0, height: 600 });

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const update = () => setView({ scrollTop: element.scrollTop, height: element.clientHeight });
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, []);

  // A new query starts at the top.
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [queryKey]);

  const range = visibleRange({
    scrollTop: view.scrollTop,
    viewportHeight: view.height,
    rowHeight: ROW_HEIGHT,
    rowCount: devices.length,
    overscan: OVERSCAN,
  });
  const nearEnd = range.end + PREFETCH_ROWS >= devices.length;
  useEffect(() => {
    if (nearEnd && hasNext && !isFetchingNext) onNeedMore();
  }, [nearEnd, hasNext, isFetchingNext, onNeedMore, devices.length]);

  const allLoadedSelected =
    selection.kind === 'all' || (devices.length > 0 && devices.every((device) => selection.ids.has(device.id)));
  const sortLabel = (column: Column) => {
    const label = t(`inventory.columns.${column.key}`);
    if (query.sort !== column.sort) return label;
    return t(query.dir === 'asc' ? 'inventory.sortAscending' : 'inventory.sortDescending', { column: label });
  };

  return (
    <div
      ref={scroller}
      className="device-scroll"
      data-testid="device-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('inventory.table')}
    >
      <table className="data-table device-table" data-testid="device-table" aria-rowcount={devices.length + 1}>
        <colgroup>
          <col style={{ width: '2.2rem' }} />
          {COLUMNS.map((column) => (
            <col key={column.key} style={column.width ? { width: column.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              {selectable && (
                <input
                  type="checkbox"
                  aria-label={t('inventory.selectLoaded')}
                  checked={allLoadedSelected}
                  disabled={selection.kind === 'all' || devices.length === 0}
                  onChange={(event) => onToggleLoaded(event.currentTarget.checked)}
                  data-testid="select-loaded"
                />
              )}
            </th>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={
                  column.sort && query.sort === column.sort
                    ? query.dir === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : undefined
                }
              >
                {column.sort ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => onSort(column.sort as SortKey)}
                    data-testid={`sort-${column.sort}`}
                    title={sortLabel(column)}
                  >
                    {t(`inventory.columns.${column.key}`)}
                    <span aria-hidden="true" className="sort-mark">
                      {query.sort === column.sort ? (query.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                ) : (
                  t(`inventory.columns.${column.key}`)
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {range.padTop > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={COLUMNS.length + 1} style={{ height: range.padTop }} />
            </tr>
          )}
          {devices.slice(range.start, range.end).map((device, offset) => (
            <tr
              key={device.id}
              data-testid="device-row"
              data-device-id={device.id}
              aria-rowindex={range.start + offset + 2}
              className={isSelected(selection, device.id) ? 'selected' : undefined}
            >
              <td>
                {selectable && (
                  <input
                    type="checkbox"
                    aria-label={t('inventory.selectRow', { name: device.name || device.assetTag })}
                    checked={isSelected(selection, device.id)}
                    disabled={selection.kind === 'all'}
                    onChange={() => onToggle(device.id)}
                    data-testid="select-row"
                  />
                )}
              </td>
              <td>
                <Link to={`/inventory/devices/${device.id}`} data-testid="device-link">
                  {device.assetTag}
                </Link>
              </td>
              {COLUMNS.slice(1).map((column) => {
                // The day is enough in the table; the minute shows on hover.
                if (column.key === 'updatedAt') {
                  const time = formatDateTime(device.updatedAt);
                  return (
                    <td key={column.key} title={time}>
                      {time.slice(0, 10)}
                    </td>
                  );
                }
                const value = formatFieldValue(t, column.key, device[column.key]);
                return (
                  <td key={column.key} title={value}>
                    {value}
                  </td>
                );
              })}
            </tr>
          ))}
          {range.padBottom > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={COLUMNS.length + 1} style={{ height: range.padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {isFetchingNext && (
        <p role="status" className="muted table-status">
          {t('inventory.loadingMore')}
        </p>
      )}
    </div>
  );
}
