import type { MatchableAdvisory } from './match.types';
import { parseCpeName, unescapeCpeValue } from './names/cpe-name';
import { productKey, vendorKey } from './names/vendor-key';

/** A CPE suggested for a device, with how many advisories name it. */
export interface ProposedCpe {
  readonly cpe: string;
  readonly advisories: number;
}

/** Escapes a value for a CPE 2.3 formatted string. */
function escapeCpeValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_\-.]/g, (c) => `\\${c}`);
}

/**
 * Proposes CPE 2.3 names for a device from the CPEs imported advisories use: every CPE whose
 * vendor is the device's manufacturer (through the alias table, so 三菱電機 finds
 * mitsubishielectric) and whose product is the model, or the model's firmware ("<model>_firmware"),
 * with the device's firmware put into the version of firmware/software CPEs. Most-cited first.
 */
export function proposeCpes(
  device: { readonly manufacturer: string; readonly model: string; readonly firmwareVersion: string },
  advisories: Iterable<MatchableAdvisory>,
): ProposedCpe[] {
  const vendor = vendorKey(device.manufacturer);
  const model = productKey(device.model);
  if (!vendor || !model) return [];
  const counts = new Map<string, Set<string>>();
  for (const advisory of advisories) {
    for (const rule of advisory.rules) {
      for (const group of rule.groups) {
        for (const term of group) {
          if (term.selector.kind !== 'cpe') continue;
          const name = parseCpeName(term.selector.cpe);
          if (!name || vendorKey(unescapeCpeValue(name.vendor)) !== vendor) continue;
          const product = productKey(unescapeCpeValue(name.product));
          if (product !== model && product !== `${model}firmware`) continue;
          const version =
            name.part === 'h'
              ? '-'
              : device.firmwareVersion.trim()
                ? escapeCpeValue(device.firmwareVersion.trim())
                : '*';
          const cpe = `cpe:2.3:${name.part}:${name.vendor}:${name.product}:${version}:*:*:*:*:*:*:*`;
          counts.set(cpe, (counts.get(cpe) ?? new Set()).add(advisory.id));
        }
      }
    }
  }
  return [...counts]
    .map(([cpe, ids]) => ({ cpe, advisories: ids.size }))
    .sort((a, b) => b.advisories - a.advisories || a.cpe.localeCompare(b.cpe));
}
