// Inventory facts that feed an assessment of a system (issue 11): for the checksheet items about
// the inventory, counts from the system's devices and data flows that an assessor weighs.

/** Counts over the devices linked to one system and the flows recorded for it. */
export interface SystemInventoryCounts {
  readonly devices: number;
  readonly supportEnded: number;
  readonly supportEndingWithinYear: number;
  readonly supportUnknown: number;
  readonly firmwareStale: number;
  readonly firmwareUpdateUnknown: number;
  readonly withoutOwner: number;
  readonly withoutLocation: number;
  readonly recordStale: number;
  readonly flows: number;
  readonly flowsUnencrypted: number;
  readonly flowsEncryptionUnknown: number;
  readonly flowsCrossingBorder: number;
  readonly flowsCrossingInternet: number;
}

export type InventoryFactKey = Exclude<keyof SystemInventoryCounts, 'devices' | 'flows'> | 'devicesLinked';

/** One fact shown on an item: a count out of a total; `concern` when a non-zero count is a gap. */
export interface InventoryFact {
  readonly itemId: string;
  readonly key: InventoryFactKey;
  readonly count: number;
  readonly total: number;
  readonly concern: boolean;
}

/** How old firmware or a device record may be before it counts as stale, in days. */
export const STALE_AFTER_DAYS = 365;

// Which facts each item shows: 02 configuration and flows, 36 support period, 40 firmware
// updates, 41 configuration information kept up to date.
const FACTS_BY_ITEM: Readonly<Record<string, readonly InventoryFactKey[]>> = {
  'jssec-v2:2': [
    'devicesLinked',
    'withoutOwner',
    'withoutLocation',
    'flowsUnencrypted',
    'flowsEncryptionUnknown',
    'flowsCrossingBorder',
    'flowsCrossingInternet',
  ],
  'jssec-v2:36': ['supportEnded', 'supportEndingWithinYear', 'supportUnknown'],
  'jssec-v2:40': ['firmwareStale', 'firmwareUpdateUnknown'],
  'jssec-v2:41': ['withoutOwner', 'withoutLocation', 'recordStale'],
};

/** The items that show inventory facts. */
export const INVENTORY_FACT_ITEMS: readonly string[] = Object.keys(FACTS_BY_ITEM);

const FLOW_FACTS: ReadonlySet<InventoryFactKey> = new Set([
  'flowsUnencrypted',
  'flowsEncryptionUnknown',
  'flowsCrossingBorder',
  'flowsCrossingInternet',
]);

/**
 * The facts of every inventory item from the counts. Crossing a border or the internet is shown
 * but is not a gap by itself (it is a thing to know); the rest are gaps when non-zero.
 */
export function inventoryFacts(counts: SystemInventoryCounts): InventoryFact[] {
  return Object.entries(FACTS_BY_ITEM).flatMap(([itemId, keys]) =>
    keys.map((key) => {
      const total = FLOW_FACTS.has(key) ? counts.flows : counts.devices;
      const count = key === 'devicesLinked' ? counts.devices : counts[key];
      const informational = key === 'devicesLinked' || key === 'flowsCrossingBorder' || key === 'flowsCrossingInternet';
      return { itemId, key, count, total, concern: !informational && count > 0 };
    }),
  );
}
