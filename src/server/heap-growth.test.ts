import { expect, it } from 'vitest';
import { heapGrowthFlag } from './heap-growth';

it('names the V8 flag for a growth percent, and none for V8’s own sizing', () => {
  expect(heapGrowthFlag(30)).toBe('--heap-growing-percent=30');
  expect(heapGrowthFlag(400)).toBe('--heap-growing-percent=400');
  expect(heapGrowthFlag(0)).toBeUndefined();
  expect(() => heapGrowthFlag(-1)).toThrow('whole percent');
  expect(() => heapGrowthFlag(2.5)).toThrow('whole percent');
});
