import type { ProbeScopeCreateInput, ProbeScopeView, ProbeTimeWindow } from '../../contracts/probes';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import { DEFAULT_RATE, defineRate } from '../../core/probes/rate';
import { defineScope, entrySize, type Scope, type Vantage } from '../../core/probes/scope';
import { isTimeZone, type TimeWindow } from '../../core/probes/time-windows';
import type { ProbeScopeTable } from '../../db/probes/probe.table';
import type { ProbeRunRow } from '../../db/probes/probe-run.repository';

/** The fields of a scope that decide what a probe may contact and when. */
export type ScopeFields = Required<Omit<ProbeScopeCreateInput, 'expectedPorts'>> & {
  readonly expectedPorts: readonly number[] | null;
};

/** Defaults of a new scope: no intrusive checks, 100 connections/s, 32 at once, inside, any time in UTC. */
export function scopeFieldsOf(input: ProbeScopeCreateInput): ScopeFields {
  return {
    name: input.name,
    targets: input.targets,
    allowCredentials: input.allowCredentials ?? false,
    rate: input.rate ?? DEFAULT_RATE.connectionsPerSecond,
    concurrency: input.concurrency ?? DEFAULT_RATE.maxConcurrency,
    vantage: input.vantage ?? 'inside',
    expectedPorts: input.expectedPorts ?? null,
    timeZone: input.timeZone ?? 'UTC',
    timeWindows: input.timeWindows ?? [],
  };
}

/**
 * Validates the fields (targets parse, a blank name, an unknown time zone, a rate or concurrency out
 * of bounds) and returns the parsed scope; VALIDATION_FAILED naming every field at fault.
 */
export function validateScopeFields(fields: ScopeFields): Scope {
  const problems: ProblemDetail[] = [];
  if (fields.name.trim() === '') problems.push({ field: 'name', reason: 'needs 1–100 characters', code: 'blank' });
  if (!isTimeZone(fields.timeZone))
    problems.push({
      field: 'timeZone',
      value: fields.timeZone,
      reason: 'not an IANA time zone',
      code: 'invalid_value',
    });
  try {
    defineRate({ connectionsPerSecond: fields.rate, maxConcurrency: fields.concurrency });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const names = { connectionsPerSecond: 'rate', maxConcurrency: 'concurrency' } as Record<string, string>;
    problems.push(...error.details.map((detail) => ({ ...detail, field: names[detail.field ?? ''] ?? detail.field })));
  }
  let scope: Scope | undefined;
  try {
    scope = defineScope({
      targets: fields.targets,
      allowCredentials: fields.allowCredentials,
      vantage: fields.vantage,
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push(...error.details);
  }
  if (problems.length > 0 || !scope)
    throw new DomainError('VALIDATION_FAILED', 'The probe scope is not valid.', problems);
  return scope;
}

/** The scope a stored row declares (its targets parse: they were validated when saved). */
export function scopeOfRow(row: ProbeScopeTable): Scope {
  return defineScope({
    targets: row.targets,
    allowCredentials: row.allow_credentials === 1,
    vantage: row.vantage as Vantage,
  });
}

/** The row of a scope's fields (without id, organisation, version and times). */
export function scopeColumns(fields: ScopeFields, scope: Scope) {
  return {
    name: fields.name.trim(),
    targets: fields.targets,
    entries: JSON.stringify(
      scope.entries.map((entry) => ({
        kind: entry.kind,
        text: entry.text,
        addresses: entry.kind === 'network' ? entrySize(entry) : 0,
      })),
    ),
    allow_credentials: fields.allowCredentials ? 1 : 0,
    rate: fields.rate,
    concurrency: fields.concurrency,
    vantage: fields.vantage,
    expected_ports: fields.expectedPorts === null ? null : JSON.stringify(fields.expectedPorts),
    time_zone: fields.timeZone,
    time_windows: JSON.stringify(fields.timeWindows),
  };
}

/** The fields of a stored scope, as an update starts from them. */
export function scopeFieldsOfRow(row: ProbeScopeTable): ScopeFields {
  return {
    name: row.name,
    targets: row.targets,
    allowCredentials: row.allow_credentials === 1,
    rate: row.rate,
    concurrency: row.concurrency,
    vantage: row.vantage as Vantage,
    expectedPorts: row.expected_ports === null ? null : (JSON.parse(row.expected_ports) as number[]),
    timeZone: row.time_zone,
    timeWindows: JSON.parse(row.time_windows) as ProbeTimeWindow[],
  };
}

export const timeWindowsOfRow = (row: ProbeScopeTable): TimeWindow[] => JSON.parse(row.time_windows) as TimeWindow[];

/** A scope as clients see it, with its latest run. */
export function presentScope(row: ProbeScopeTable, lastRun?: ProbeRunRow): ProbeScopeView {
  const fields = scopeFieldsOfRow(row);
  return {
    id: row.id,
    name: row.name,
    targets: row.targets,
    entries: JSON.parse(row.entries) as ProbeScopeView['entries'],
    addressCount: (JSON.parse(row.entries) as { addresses: number }[]).reduce((sum, entry) => sum + entry.addresses, 0),
    allowCredentials: fields.allowCredentials,
    rate: row.rate,
    concurrency: row.concurrency,
    vantage: fields.vantage,
    expectedPorts: fields.expectedPorts,
    timeZone: row.time_zone,
    timeWindows: fields.timeWindows,
    archived: row.archived === 1,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastRun: lastRun
      ? {
          id: lastRun.id,
          status: lastRun.job_status as never,
          finishedAt: lastRun.finished_at ?? lastRun.job_finished_at,
        }
      : null,
  };
}
