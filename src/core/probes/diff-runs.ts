import type { Observation, ObservationResult } from './observation';
import type { TargetResult } from './probe-result';

/** One observation whose result differs between two runs (absent on one side = null). */
export interface ChangedResult {
  readonly check: Observation['check'];
  readonly port: number | null;
  readonly before: ObservationResult | null;
  readonly after: ObservationResult | null;
  readonly items: readonly string[];
}

/** How one target changed between runs. */
export interface TargetDiff {
  readonly address: string;
  readonly openedPorts: readonly number[];
  readonly closedPorts: readonly number[];
  readonly changed: readonly ChangedResult[];
}

export interface RunDiff {
  /** Targets only in the current run, and only in the previous one. */
  readonly addedTargets: readonly string[];
  readonly removedTargets: readonly string[];
  /** Targets present in both runs with at least one difference. */
  readonly targets: readonly TargetDiff[];
}

const key = (observation: Observation): string => `${observation.check}:${observation.port ?? '-'}`;

/**
 * Compares two runs: ports newly open or no longer open per target, and checks (by check and
 * port) whose result changed, appeared or disappeared. Pure; order follows the current run.
 */
export function diffRuns(
  previous: { readonly targets: readonly TargetResult[] },
  current: { readonly targets: readonly TargetResult[] },
): RunDiff {
  const before = new Map(previous.targets.map((target) => [target.address, target]));
  const after = new Map(current.targets.map((target) => [target.address, target]));
  const targets: TargetDiff[] = [];
  for (const target of current.targets) {
    const old = before.get(target.address);
    if (!old) continue;
    const oldPorts = new Set(old.openPorts);
    const newPorts = new Set(target.openPorts);
    const oldResults = new Map(old.observations.map((observation) => [key(observation), observation]));
    const newResults = new Map(target.observations.map((observation) => [key(observation), observation]));
    const changed: ChangedResult[] = [];
    for (const [name, observation] of newResults) {
      const was = oldResults.get(name);
      if (was?.result !== observation.result) {
        changed.push({
          check: observation.check,
          port: observation.port,
          before: was?.result ?? null,
          after: observation.result,
          items: observation.items,
        });
      }
    }
    for (const [name, observation] of oldResults) {
      if (!newResults.has(name)) {
        changed.push({
          check: observation.check,
          port: observation.port,
          before: observation.result,
          after: null,
          items: observation.items,
        });
      }
    }
    const openedPorts = target.openPorts.filter((port) => !oldPorts.has(port));
    const closedPorts = old.openPorts.filter((port) => !newPorts.has(port));
    if (openedPorts.length + closedPorts.length + changed.length > 0) {
      targets.push({ address: target.address, openedPorts, closedPorts, changed });
    }
  }
  return {
    addedTargets: current.targets.filter((target) => !before.has(target.address)).map((target) => target.address),
    removedTargets: previous.targets.filter((target) => !after.has(target.address)).map((target) => target.address),
    targets,
  };
}
