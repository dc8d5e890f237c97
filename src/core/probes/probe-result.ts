import type { Observation } from './observation';

/** What one target showed: the shape the CLI prints and the jobs store. */
export interface TargetResult {
  readonly address: string;
  readonly hostname?: string;
  readonly openPorts: readonly number[];
  readonly observations: readonly Observation[];
}

/** The outcome of one probe run. `cancelled` is true when the signal stopped it early. */
export interface ProbeResult {
  readonly targets: readonly TargetResult[];
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly cancelled: boolean;
}
