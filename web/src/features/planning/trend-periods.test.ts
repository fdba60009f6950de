import { describe, expect, it } from 'vitest';
import { MAX_QUARTERS, windowQuarters } from './trend-periods.ts';

describe('windowQuarters', () => {
  it('lists the quarters of a year up to the as-of date', () => {
    expect(windowQuarters('2026-01-01', '2026-12-31', '2026-06-15')).toEqual([
      '2026-Q1',
      '2026-Q2',
    ]);
  });
  it('stops at the end of the window when the as-of date is later', () => {
    expect(windowQuarters('2025-04-01', '2025-12-31', '2026-06-15')).toEqual([
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
    ]);
  });
  it('is empty before the window opens', () => {
    expect(windowQuarters('2027-01-01', '2027-12-31', '2026-06-15')).toEqual([]);
  });
  it('keeps the latest quarters of a long window', () => {
    const quarters = windowQuarters('2023-01-01', '2030-12-31', '2026-06-15');
    expect(quarters).toHaveLength(MAX_QUARTERS);
    expect(quarters[0]).toBe('2023-Q3');
    expect(quarters.at(-1)).toBe('2026-Q2');
  });
});
