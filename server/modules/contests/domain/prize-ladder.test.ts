import { describe, expect, it } from 'vitest';
import { ContestRuleError } from './contest-errors.ts';
import type { PrizeTier } from './prize-ladder.ts';
import { assignPrizes, assertPrizeLadder } from './prize-ladder.ts';

type Entry = { position: number; tiedWithPrevious: boolean; name: string };

const LADDER: PrizeTier[] = [
  { prize: 'Nhất', count: 1 },
  { prize: 'Nhì', count: 2 },
  { prize: 'Ba', count: 3 },
  { prize: 'Khuyến khích', count: 10 },
];

/** Entries named e1, e2… in ranked order; `tiedAt` lists positions tied with the one before. */
function buildEntries(count: number, tiedAt: number[] = []): Entry[] {
  return Array.from({ length: count }, (_, k) => ({
    position: k + 1,
    tiedWithPrevious: tiedAt.includes(k + 1),
    name: `e${k + 1}`,
  }));
}

const summary = (awards: { prize: string; entry: Entry }[]) =>
  awards.map((award) => `${award.prize}:${award.entry.name}`);

describe('prize ladder', () => {
  it('hands 1 first, 2 second, 3 third and 10 consolation prizes down the ranking', () => {
    const result = assignPrizes(buildEntries(20), LADDER);
    expect(result.awards).toHaveLength(16);
    expect(summary(result.awards).slice(0, 7)).toEqual([
      'Nhất:e1',
      'Nhì:e2',
      'Nhì:e3',
      'Ba:e4',
      'Ba:e5',
      'Ba:e6',
      'Khuyến khích:e7',
    ]);
    expect(summary(result.awards).at(-1)).toBe('Khuyến khích:e16');
    expect(result.awards.map((a) => a.tierIndex)).toEqual([
      0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    ]);
    expect(result.unfilled).toEqual([]);
    expect(result.boundaryTies).toEqual([]);
  });

  it('leaves prizes unawarded when the ladder is longer than the list', () => {
    const result = assignPrizes(buildEntries(5), LADDER);
    expect(summary(result.awards)).toEqual(['Nhất:e1', 'Nhì:e2', 'Nhì:e3', 'Ba:e4', 'Ba:e5']);
    expect(result.unfilled).toEqual([
      { prize: 'Ba', missing: 1 },
      { prize: 'Khuyến khích', missing: 10 },
    ]);
    expect(assignPrizes([], LADDER).unfilled).toHaveLength(4);
  });

  it('passes an excluded person’s prize to the next in line', () => {
    const result = assignPrizes(buildEntries(8), LADDER.slice(0, 3), {
      isEligible: (entry) => entry.name !== 'e2' && entry.name !== 'e4',
    });
    expect(summary(result.awards)).toEqual([
      'Nhất:e1',
      'Nhì:e3',
      'Nhì:e5',
      'Ba:e6',
      'Ba:e7',
      'Ba:e8',
    ]);
  });

  it('reports tiers that end inside a full tie, and only those', () => {
    // e2–e3 tied (inside the second prize), e3–e4 tied (second/third boundary),
    // e6–e7 tied (third/consolation boundary), e16–e17 tied (end of the ladder).
    const result = assignPrizes(buildEntries(20, [3, 4, 7, 17]), LADDER);
    expect(result.boundaryTies).toEqual([
      { prize: 'Nhì', lastPosition: 3, nextPosition: 4 },
      { prize: 'Ba', lastPosition: 6, nextPosition: 7 },
      { prize: 'Khuyến khích', lastPosition: 16, nextPosition: 17 },
    ]);
  });

  it('sees a tie across an excluded person between the last winner and the next', () => {
    const result = assignPrizes(buildEntries(4, [2, 3]), [{ prize: 'Nhất', count: 1 }], {
      isEligible: (entry) => entry.name !== 'e2',
    });
    expect(result.boundaryTies).toEqual([{ prize: 'Nhất', lastPosition: 1, nextPosition: 3 }]);
  });

  it('refuses a ladder with an empty tier, a repeated name or a fractional count', () => {
    const codeOf = (ladder: PrizeTier[]) => {
      try {
        assertPrizeLadder(ladder);
      } catch (error) {
        return error instanceof ContestRuleError ? error.code : 'other';
      }
      return undefined;
    };
    expect(codeOf([{ prize: 'Nhất', count: 0 }])).toBe('invalid_prize_ladder');
    expect(codeOf([{ prize: '', count: 1 }])).toBe('invalid_prize_ladder');
    expect(codeOf([{ prize: 'Nhất', count: 1.5 }])).toBe('invalid_prize_ladder');
    expect(
      codeOf([
        { prize: 'Nhất', count: 1 },
        { prize: 'Nhất', count: 2 },
      ]),
    ).toBe('invalid_prize_ladder');
    expect(codeOf(LADDER)).toBeUndefined();
  });
});
