import type { VersionScheme } from './advisory.types';
import { compareVersions } from './versions/parse-version';
import { guessScheme } from './versions/guess-scheme';
import { isWildcardVersion } from './versions/in-range';

/** How a device's firmware stands against the latest known version of its model. */
export type FirmwareStanding = 'behind' | 'current' | 'unknown';

/**
 * Compares a device's firmware with the latest known version of its model. The schemes tried are
 * the one guessed from the latest version, the one guessed from the device's, then generic and
 * vendor; the first that reads both decides. A firmware no scheme reads (empty, "latest", …) is
 * 'unknown' — counted apart by the caller, never taken as behind or current. Newer than the
 * recorded latest counts as current (the record is what is stale).
 */
export function firmwareStanding(firmware: string, latest: string): FirmwareStanding {
  const current = firmware.trim();
  const newest = latest.trim();
  if (isWildcardVersion(current) || isWildcardVersion(newest)) return 'unknown';
  const schemes = new Set<VersionScheme>([guessScheme(newest), guessScheme(current), 'generic', 'vendor']);
  for (const scheme of schemes) {
    const order = compareVersions(current, newest, scheme);
    if (order !== null) return order < 0 ? 'behind' : 'current';
  }
  return 'unknown';
}
