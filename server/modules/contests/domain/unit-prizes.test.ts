import { describe, expect, it } from 'vitest';
import { ContestRuleError } from './contest-errors.ts';
import { awardUnitPrizes, tallyUnitParticipation } from './unit-prizes.ts';

const repeat = (unitId: string | null, times: number) =>
  Array.from({ length: times }, () => unitId);

const MEMBERS = new Map<string, number>([
  ['tiny', 3],
  ['big', 5000],
  ['mid', 200],
  ['half', 100],
  ['idle', 80],
]);

const PARTICIPANTS = [
  ...repeat('tiny', 3),
  ...repeat('big', 4900),
  ...repeat('mid', 180),
  ...repeat('half', 50),
  ...repeat('unknown', 60),
  ...repeat(null, 25),
];

describe('unit participation', () => {
  it('counts participants per unit, with every known unit and the rate', () => {
    expect(tallyUnitParticipation(PARTICIPANTS, MEMBERS)).toEqual([
      { unitId: 'big', participants: 4900, members: 5000, rate: 0.98 },
      { unitId: 'half', participants: 50, members: 100, rate: 0.5 },
      { unitId: 'idle', participants: 0, members: 80, rate: 0 },
      { unitId: 'mid', participants: 180, members: 200, rate: 0.9 },
      { unitId: 'tiny', participants: 3, members: 3, rate: 1 },
      { unitId: 'unknown', participants: 60, members: null, rate: null },
    ]);
  });

  it('gives no rate to a unit with 0 members', () => {
    expect(tallyUnitParticipation(['empty'], new Map([['empty', 0]]))).toEqual([
      { unitId: 'empty', participants: 1, members: 0, rate: null },
    ]);
  });
});

describe('unit prizes', () => {
  const tally = tallyUnitParticipation(PARTICIPANTS, MEMBERS);

  it('awards most participants and highest rate, keeping tiny units off the rate prize', () => {
    const prizes = awardUnitPrizes(tally, {
      mostParticipantsPlaces: 3,
      highestRatePlaces: 3,
      minMembers: 50,
    });
    expect(prizes.mostParticipants.map((u) => u.unitId)).toEqual(['big', 'mid', 'unknown']);
    // 'tiny' (3 of 3, 100 %) is below the floor; 'unknown' has no member count.
    expect(prizes.highestRate.map((u) => u.unitId)).toEqual(['big', 'mid', 'half']);
  });

  it('lets a tiny unit win on rate when the floor allows it', () => {
    const prizes = awardUnitPrizes(tally, {
      mostParticipantsPlaces: 0,
      highestRatePlaces: 1,
      minMembers: 1,
    });
    expect(prizes.highestRate.map((u) => u.unitId)).toEqual(['tiny']);
    expect(prizes.mostParticipants).toEqual([]);
  });

  it('breaks ties: equal counts by rate then id, equal rates by count then id', () => {
    const members = new Map([
      ['a', 100],
      ['b', 50],
      ['c', 100],
      ['d', 200],
    ]);
    const rows = tallyUnitParticipation(
      [...repeat('a', 50), ...repeat('b', 50), ...repeat('c', 50), ...repeat('d', 100)],
      members,
    );
    const prizes = awardUnitPrizes(rows, {
      mostParticipantsPlaces: 4,
      highestRatePlaces: 4,
      minMembers: 10,
    });
    // d has most; a, b, c have 50 each: b has the best rate (100 %), then a and c by id.
    expect(prizes.mostParticipants.map((u) => u.unitId)).toEqual(['d', 'b', 'a', 'c']);
    // b 100 %; a, c, d at 50 %: d has more participants, then a and c by id.
    expect(prizes.highestRate.map((u) => u.unitId)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('gives nothing to units without participants', () => {
    const prizes = awardUnitPrizes(tallyUnitParticipation([], MEMBERS), {
      mostParticipantsPlaces: 3,
      highestRatePlaces: 3,
      minMembers: 1,
    });
    expect(prizes).toEqual({ mostParticipants: [], highestRate: [] });
  });

  it('refuses rules with negative places or a floor below 1', () => {
    const codeOf = (minMembers: number, places: number) => {
      try {
        awardUnitPrizes(tally, {
          mostParticipantsPlaces: places,
          highestRatePlaces: 1,
          minMembers,
        });
      } catch (error) {
        return error instanceof ContestRuleError ? error.code : 'other';
      }
      return undefined;
    };
    expect(codeOf(0, 1)).toBe('invalid_unit_prize_rule');
    expect(codeOf(10, -1)).toBe('invalid_unit_prize_rule');
    expect(codeOf(10, 1)).toBeUndefined();
  });
});
