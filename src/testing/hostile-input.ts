import fc from 'fast-check';
import { expect } from 'vitest';
import { DomainError } from '../core/domain-error';

// Helpers for the hostile-input tests (issue 16): importers given arbitrary bytes must either read
// them or refuse them with a DomainError whose every detail says where (file plus a path, row or
// field) and why; any other exception is a bug.

/** Runs of one importer property: enough to find shallow crashes, small enough for CI. */
export const IMPORTER_RUNS = 150;

/** The outcome of reading hostile input: the value, or the DomainError it was refused with. */
export async function readOrRefusal<T>(read: () => Promise<T>): Promise<{ value: T } | { refusal: DomainError }> {
  try {
    return { value: await read() };
  } catch (error) {
    if (error instanceof DomainError) return { refusal: error };
    throw new Error(
      `not a DomainError: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      {
        cause: error,
      },
    );
  }
}

/** Asserts a refusal names the file and locates every problem (path, row, column or field) with a reason. */
export function expectLocatedRefusal(refusal: DomainError, fileName: string): void {
  expect(refusal.code).not.toBe('INTERNAL');
  expect(refusal.details.length).toBeGreaterThan(0);
  for (const detail of refusal.details) {
    expect(detail.file).toBe(fileName);
    expect(detail.reason.trim()).not.toBe('');
    expect(
      detail.path !== undefined ||
        detail.row !== undefined ||
        detail.column !== undefined ||
        detail.field !== undefined,
      `unlocated problem: ${JSON.stringify(detail)}`,
    ).toBe(true);
  }
}

/** Text that mixes JSON/XML/CSV punctuation, control characters, lone surrogates and non-ASCII. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"',
      ',',
      ':',
      '<',
      '>',
      '/',
      '=',
      '&',
      ';',
      '\n',
      '\r',
      '\t',
      ' ',
      'a',
      '1',
      '-',
      '\\',
      '\u0000',
      '\ud800',
      'é',
      '日',
      '\ufeff',
    ),
    maxLength: 300,
  }),
);

/** Raw bytes, sometimes behind a prefix that makes a reader take them for its format. */
export function hostileBytes(prefixes: readonly string[]): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.constantFrom('', ...prefixes), fc.uint8Array({ maxLength: 400 }))
    .map(([prefix, bytes]) => new Uint8Array([...Buffer.from(prefix), ...bytes]));
}

/** `text` broken at one point: truncated, a character dropped or a character replaced. */
export function mutated(text: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut)),
    fc.nat({ max: Math.max(0, text.length - 1) }).map((at) => text.slice(0, at) + text.slice(at + 1)),
    fc
      .tuple(
        fc.nat({ max: Math.max(0, text.length - 1) }),
        fc.constantFrom('"', '{', '}', '<', '>', '\u0000', ',', 'x', '\ud800'),
      )
      .map(([at, character]) => text.slice(0, at) + character + text.slice(at + 1)),
  );
}

/** "Billion laughs": ten levels of nine aliases each, 9^10 strings once expanded. */
export function aliasBomb(): string {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level <= 10; level++)
    lines.push(`l${level}: &l${level} [${Array.from({ length: 9 }, () => `*l${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}
