import { describe, expect, it } from 'vitest';
import { visibleRange } from './visible-range';

describe('the rows a virtualised table renders', () => {
  it('renders the rows in view plus the overscan, and pads the rest', () => {
    const range = visibleRange({ scrollTop: 3600, viewportHeight: 360, rowHeight: 36, rowCount: 1000, overscan: 5 });
    expect(range).toEqual({ start: 95, end: 116, padTop: 95 * 36, padBottom: (1000 - 116) * 36 });
  });

  it('stays inside the list at both ends and when it is short', () => {
    expect(visibleRange({ scrollTop: 0, viewportHeight: 360, rowHeight: 36, rowCount: 1000, overscan: 5 }).start).toBe(
      0,
    );
    const bottom = visibleRange({ scrollTop: 99_999, viewportHeight: 360, rowHeight: 36, rowCount: 1000, overscan: 5 });
    expect([bottom.end, bottom.padBottom]).toEqual([1000, 0]);
    expect(visibleRange({ scrollTop: 0, viewportHeight: 900, rowHeight: 36, rowCount: 3, overscan: 5 })).toEqual({
      start: 0,
      end: 3,
      padTop: 0,
      padBottom: 0,
    });
  });
});
