import { describe, expect, it } from 'vitest';
import { completionOf, passes } from './completion.ts';

const at = (iso: string) => new Date(iso);

describe('course completion', () => {
  it('passes at exactly the pass mark, not below, and never on an empty test', () => {
    expect(passes({ score: 8, maxScore: 10 }, 80)).toBe(true);
    expect(passes({ score: 7, maxScore: 10 }, 80)).toBe(false);
    // 2/3 is 66.67 %: a pass mark of 66.67 is not reached, 66.66 is (no rounding up).
    expect(passes({ score: 2, maxScore: 3 }, 66.67)).toBe(false);
    expect(passes({ score: 2, maxScore: 3 }, 66.66)).toBe(true);
    expect(passes({ score: 0, maxScore: 0 }, 1)).toBe(false);
  });

  it('keeps the best percent and the first passing instant', () => {
    const result = completionOf(
      [
        { score: 5, maxScore: 10, finishedAt: at('2026-03-01T00:00:00Z') },
        { score: 9, maxScore: 10, finishedAt: at('2026-03-03T00:00:00Z') },
        { score: 8, maxScore: 10, finishedAt: at('2026-03-02T00:00:00Z') },
      ],
      80,
    );
    expect(result.bestPercent).toBe(90);
    expect(result.completedAt?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('is not completed without a passing attempt', () => {
    expect(completionOf([], 80)).toEqual({ bestPercent: null, completedAt: null });
    const failed = completionOf([{ score: 1, maxScore: 10, finishedAt: at('2026-01-01') }], 80);
    expect(failed).toEqual({ bestPercent: 10, completedAt: null });
  });
});
