/** What an import counts: inventory rows (devices) or advisories. */
export type ImportedKind = 'devices' | 'advisories';

/**
 * Told how many records an import wrote (created + updated), so operators can watch import
 * throughput. Optional everywhere: without metrics configured nobody listens.
 */
export interface ImportMeter {
  imported(kind: ImportedKind, count: number): void;
}
