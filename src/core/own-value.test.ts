import { expect, it } from 'vitest';
import { ownValue } from './own-value';

it("finds a table's own entries and nothing Object.prototype has", () => {
  const table = { N: 0.85, L: 0.62 };
  expect(ownValue(table, 'N')).toBe(0.85);
  for (const key of ['constructor', 'valueOf', 'toString', '__proto__', 'hasOwnProperty', 'n', ''])
    expect(ownValue(table, key), key).toBeUndefined();
});
