import { createHash } from 'node:crypto';
import type { DeviceIdentity } from './match.types';

// A million devices share a few thousand identities: the same manufacturer, model, firmware,
// CPEs and SBOM. The key is a digest of exactly those facts, so an edited device (new firmware,
// another CPE, a new SBOM) lands on another key — "what changed" is "which keys are new".

/** The matching facts of one device, as read from its row. */
export interface DeviceFacts {
  readonly deviceId: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly firmwareVersion: string;
  readonly cpes: readonly string[];
}

/** SBOM components of a model (deviceId null) or of one device. */
export interface SbomFacts {
  readonly manufacturer: string;
  readonly model: string;
  readonly deviceId: string | null;
  readonly purls: readonly string[];
  readonly cpes: readonly string[];
}

type IdentityFacts = Omit<DeviceIdentity, 'key'>;

const sortedUnique = (values: Iterable<string>) =>
  [...new Set([...values].map((value) => value.trim()).filter(Boolean))].sort();

/** The stable key of an identity's facts (22 characters of a SHA-256 digest). */
export function identityKey(facts: IdentityFacts): string {
  const canonical = JSON.stringify([
    facts.manufacturer.trim(),
    facts.model.trim(),
    facts.firmwareVersion.trim(),
    sortedUnique(facts.cpes),
    sortedUnique(facts.purls),
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

const modelKey = (manufacturer: string, model: string) =>
  `${manufacturer.trim().toLowerCase()}\u0000${model.trim().toLowerCase()}`;

/** Turns devices into identity keys one at a time, remembering each distinct identity. */
export interface IdentityBuilder {
  /** The identity key of `device` (its facts plus the SBOM of the device or else of its model). */
  add(device: DeviceFacts): string;
  /** Every distinct identity added so far. */
  identities(): DeviceIdentity[];
}

/**
 * Groups devices into identities. A device's SBOM replaces the SBOM of its model (the device's
 * own list is the more precise); SBOM components add their purls and CPEs to the device's CPEs.
 * Devices with the same raw facts are recognised by a plain string before any sorting or hashing,
 * so a million devices cost a million short string look-ups, not a million digests.
 */
export function createIdentityBuilder(sboms: readonly SbomFacts[] = []): IdentityBuilder {
  const byModel = new Map<string, SbomFacts[]>();
  const byDevice = new Map<string, SbomFacts[]>();
  for (const sbom of sboms) {
    const [index, key] =
      sbom.deviceId === null ? [byModel, modelKey(sbom.manufacturer, sbom.model)] : [byDevice, sbom.deviceId];
    index.set(key, [...(index.get(key) ?? []), sbom]);
  }
  const identities = new Map<string, DeviceIdentity>();
  const keysByRaw = new Map<string, string>();
  return {
    add(device) {
      const own = byDevice.get(device.deviceId);
      const model = own ? undefined : modelKey(device.manufacturer, device.model);
      const source = own ? `d${device.deviceId}` : byModel.has(model!) ? 'm' : '';
      const raw = `${device.manufacturer}\u0000${device.model}\u0000${device.firmwareVersion}\u0000${device.cpes.join(' ')}\u0000${source}`;
      const known = keysByRaw.get(raw);
      if (known !== undefined) return known;
      const components = own ?? byModel.get(model!) ?? [];
      const facts: IdentityFacts = {
        manufacturer: device.manufacturer.trim(),
        model: device.model.trim(),
        firmwareVersion: device.firmwareVersion.trim(),
        cpes: sortedUnique([...device.cpes, ...components.flatMap((sbom) => sbom.cpes)]),
        purls: sortedUnique(components.flatMap((sbom) => sbom.purls)),
      };
      const key = identityKey(facts);
      keysByRaw.set(raw, key);
      if (!identities.has(key)) identities.set(key, { key, ...facts });
      return key;
    },
    identities: () => [...identities.values()],
  };
}

/** Groups devices into identities (see createIdentityBuilder); returns them and each device's key. */
export function buildIdentities(
  devices: Iterable<DeviceFacts>,
  sboms: readonly SbomFacts[] = [],
): { identities: DeviceIdentity[]; deviceKeys: Map<string, string> } {
  const builder = createIdentityBuilder(sboms);
  const deviceKeys = new Map<string, string>();
  for (const device of devices) deviceKeys.set(device.deviceId, builder.add(device));
  return { identities: builder.identities(), deviceKeys };
}
