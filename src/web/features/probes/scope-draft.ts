import type {
  ProbeScopeCreateInput,
  ProbeScopeUpdateInput,
  ProbeScopeView,
  ProbeTimeWindow,
} from '../../../contracts/probes';

/** Days of a time window, Monday first (the order the form shows them in). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A scope as the form holds it: numbers and port lists stay text until saved. */
export interface ScopeDraft {
  readonly name: string;
  readonly targets: string;
  readonly rate: string;
  readonly concurrency: string;
  readonly vantage: 'inside' | 'outside';
  readonly expectedPorts: string;
  readonly timeZone: string;
  readonly timeWindows: readonly ProbeTimeWindow[];
  readonly allowCredentials: boolean;
}

/** The defaults of a new scope: gentle rate, probed from inside, no credential attempts. */
export function emptyScopeDraft(timeZone: string): ScopeDraft {
  return {
    name: '',
    targets: '',
    rate: '100',
    concurrency: '32',
    vantage: 'inside',
    expectedPorts: '',
    timeZone,
    timeWindows: [],
    allowCredentials: false,
  };
}

/** The form's view of a stored scope. */
export function draftFromScope(scope: ProbeScopeView): ScopeDraft {
  return {
    name: scope.name,
    targets: scope.targets,
    rate: String(scope.rate),
    concurrency: String(scope.concurrency),
    vantage: scope.vantage,
    expectedPorts: scope.expectedPorts?.join(', ') ?? '',
    timeZone: scope.timeZone,
    timeWindows: scope.timeWindows.map((window) => ({ ...window, days: [...window.days] })),
    allowCredentials: scope.allowCredentials,
  };
}

/** A port list typed by a person: numbers separated by commas or spaces. */
export type ParsedPorts = { readonly ports: number[] } | { readonly invalid: string[] };

/**
 * Reads "22, 80 443" into ports (duplicates dropped, order kept). Anything that is not a whole
 * number from 1 to 65535 is returned as `invalid`, so the form can say which piece is wrong.
 */
export function parsePorts(text: string): ParsedPorts {
  const pieces = text.split(/[\s,]+/).filter((piece) => piece !== '');
  const invalid = pieces.filter((piece) => !/^\d{1,5}$/.test(piece) || Number(piece) < 1 || Number(piece) > 65535);
  if (invalid.length > 0) return { invalid };
  return { ports: [...new Set(pieces.map(Number))] };
}

/** Adds addresses to a targets text (one per line), leaving out those already written. */
export function appendTargets(targets: string, addresses: readonly string[]): string {
  const present = new Set(targets.split(/[\s,]+/).filter((piece) => piece !== ''));
  const added = addresses.filter((address) => !present.has(address));
  if (added.length === 0) return targets;
  const base = targets.trimEnd();
  return `${base}${base === '' ? '' : '\n'}${added.join('\n')}`;
}

/** A field the browser can already tell is wrong, before anything is sent. */
export interface DraftProblem {
  readonly field: 'expectedPorts' | 'rate' | 'concurrency';
  readonly values: readonly string[];
}

const wholeNumber = (text: string): number | undefined => (/^\d+$/.test(text.trim()) ? Number(text) : undefined);

/**
 * The create request of a draft, or the problems the form shows at their fields. Targets are sent
 * as written: the server parses them and names each refused entry.
 */
export function toCreateInput(draft: ScopeDraft): { input: ProbeScopeCreateInput } | { problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const expected = parsePorts(draft.expectedPorts);
  if ('invalid' in expected) problems.push({ field: 'expectedPorts', values: expected.invalid });
  const rate = wholeNumber(draft.rate);
  if (rate === undefined) problems.push({ field: 'rate', values: [draft.rate] });
  const concurrency = wholeNumber(draft.concurrency);
  if (concurrency === undefined) problems.push({ field: 'concurrency', values: [draft.concurrency] });
  if (problems.length > 0 || 'invalid' in expected || rate === undefined || concurrency === undefined) {
    return { problems };
  }
  return {
    input: {
      name: draft.name.trim(),
      targets: draft.targets.trim(),
      allowCredentials: draft.allowCredentials,
      rate,
      concurrency,
      vantage: draft.vantage,
      ...(expected.ports.length > 0 ? { expectedPorts: expected.ports } : {}),
      timeZone: draft.timeZone,
      timeWindows: draft.timeWindows.map((window) => ({ ...window, days: [...window.days] })),
    },
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The update request of a draft: only what differs from the stored scope, with its version. */
export function toUpdateInput(
  draft: ScopeDraft,
  scope: ProbeScopeView,
): { input: ProbeScopeUpdateInput } | { problems: DraftProblem[] } {
  const created = toCreateInput(draft);
  if ('problems' in created) return created;
  const next = created.input;
  const expectedPorts = next.expectedPorts ?? null;
  return {
    input: {
      version: scope.version,
      ...(next.name !== scope.name ? { name: next.name } : {}),
      ...(next.targets !== scope.targets ? { targets: next.targets } : {}),
      ...(next.allowCredentials !== scope.allowCredentials ? { allowCredentials: next.allowCredentials } : {}),
      ...(next.rate !== scope.rate ? { rate: next.rate } : {}),
      ...(next.concurrency !== scope.concurrency ? { concurrency: next.concurrency } : {}),
      ...(next.vantage !== scope.vantage ? { vantage: next.vantage } : {}),
      ...(!sameJson(expectedPorts, scope.expectedPorts) ? { expectedPorts } : {}),
      ...(next.timeZone !== scope.timeZone ? { timeZone: next.timeZone } : {}),
      ...(!sameJson(next.timeWindows, scope.timeWindows) ? { timeWindows: next.timeWindows } : {}),
    },
  };
}
