import { lookup } from 'node:dns/promises';
import type { Scope } from '../../core/probes/scope';

/** Resolves a name to all its addresses; injectable so tests never ask a real resolver. */
export type Resolver = (name: string) => Promise<readonly string[]>;

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), all address families. */
export const systemResolver: Resolver = async (name) =>
  (await lookup(name, { all: true })).map((entry) => entry.address);

/**
 * Resolves every host name of the scope (and of a subset) once, before planning; a name that
 * does not resolve maps to an empty list (the plan reports it as unresolved, nothing is sent).
 */
export async function resolveHostnames(
  scope: Scope,
  extraNames: readonly string[] = [],
  resolver: Resolver = systemResolver,
): Promise<Map<string, readonly string[]>> {
  const names = new Set([
    ...scope.entries.flatMap((entry) => (entry.kind === 'hostname' ? [entry.name] : [])),
    ...extraNames.map((name) => name.toLowerCase().replace(/\.$/, '')),
  ]);
  const resolved = new Map<string, readonly string[]>();
  await Promise.all(
    [...names].map(async (name) => {
      resolved.set(name, await resolver(name).catch(() => []));
    }),
  );
  return resolved;
}
