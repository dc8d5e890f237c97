import type { ProblemDetail } from '../domain-error';
import { SUPPORT_BUCKETS, VALUE_FILTERS, type DeviceFilter, type SupportBucket } from './device-filter';

// A device filter from key=value pairs, as the CLI's --filter options and saved views' query
// strings carry it (the HTTP query string is checked by its schema instead).

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Every key a filter pair may use. */
export const FILTER_KEYS = [
  'q',
  ...VALUE_FILTERS,
  'support',
  'systemId',
  'noOwner',
  'noLocation',
  'firmwareOlderThanDays',
] as const;

/** Builds a filter from pairs (a key may repeat for several values); problems name the pair. */
export function parseDeviceFilterPairs(
  pairs: readonly (readonly [string, string])[],
  where: string,
): { filter: DeviceFilter; problems: ProblemDetail[] } {
  const filter: Mutable<DeviceFilter> = {};
  const problems: ProblemDetail[] = [];
  const refuse = (key: string, value: string, reason: string) =>
    problems.push({ field: where, reason: `${key}=${value}: ${reason}`, code: 'invalid_value' });
  for (const [key, value] of pairs) {
    if ((VALUE_FILTERS as readonly string[]).includes(key) || key === 'systemId') {
      const list = (filter[key as 'site'] ?? []) as string[];
      filter[key as 'site'] = [...list, value];
    } else if (key === 'q') filter.q = value;
    else if (key === 'support') {
      if ((SUPPORT_BUCKETS as readonly string[]).includes(value))
        filter.support = [...(filter.support ?? []), value as SupportBucket];
      else refuse(key, value, `one of ${SUPPORT_BUCKETS.join(', ')}`);
    } else if (key === 'noOwner' || key === 'noLocation') {
      if (value === 'true' || value === 'false') filter[key] = value === 'true';
      else refuse(key, value, 'true or false');
    } else if (key === 'firmwareOlderThanDays') {
      if (/^\d{1,5}$/.test(value)) filter.firmwareOlderThanDays = Number(value);
      else refuse(key, value, 'a whole number of days');
    } else refuse(key, value, `unknown filter; use ${FILTER_KEYS.join(', ')}`);
  }
  return { filter, problems };
}
