import type { DataClass } from './device.types';

// Data flows (items 02, 17): who sends which data where, how, and whether it leaves the country.

export const FLOW_END_KINDS = ['device', 'system', 'external'] as const;
export type FlowEndKind = (typeof FLOW_END_KINDS)[number];

export const ENCRYPTION_STATES = ['yes', 'no', 'unknown'] as const;
export type EncryptionState = (typeof ENCRYPTION_STATES)[number];

/** One end of a flow: an inventory device, a system, or an external party (cloud, partner) in a country. */
export type FlowEnd =
  | { readonly kind: 'device'; readonly id: string }
  | { readonly kind: 'system'; readonly id: string }
  | { readonly kind: 'external'; readonly name: string; readonly country: string };

/** The editable fields of a data flow. `systemId` groups the flow under a system page. */
export interface DataFlowFields {
  readonly systemId: string | null;
  readonly from: FlowEnd;
  readonly to: FlowEnd;
  readonly protocol: string;
  readonly port: number | null;
  readonly dataClasses: readonly DataClass[];
  readonly encrypted: EncryptionState;
  readonly crossesInternet: boolean;
  readonly crossesBorder: boolean;
  readonly description: string;
}

/** A stored data flow. */
export interface DataFlow extends DataFlowFields {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Where the organisation's own devices and systems are, until organisations record a country. */
export const HOME_COUNTRY = 'JP';

/** The country an end sits in: an external party's own, otherwise the organisation's. */
export function countryOf(end: FlowEnd, homeCountry: string = HOME_COUNTRY): string {
  return end.kind === 'external' ? end.country : homeCountry;
}

/** The default for "crosses a border": the two ends are in different countries. */
export function defaultCrossesBorder(from: FlowEnd, to: FlowEnd, homeCountry: string = HOME_COUNTRY): boolean {
  return countryOf(from, homeCountry) !== countryOf(to, homeCountry);
}

/** The default for "crosses the internet": one end is outside the organisation. */
export function defaultCrossesInternet(from: FlowEnd, to: FlowEnd): boolean {
  return from.kind === 'external' || to.kind === 'external';
}
