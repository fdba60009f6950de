import { ContestRuleError } from './contest-errors.ts';

/**
 * A round's prize ladder ("1 giải Nhất, 2 giải Nhì, 3 giải Ba, 10 giải Khuyến khích") handed
 * down the ranking.
 *
 * Contract:
 * - Tiers are filled in ladder order, down the total order of the ranking, one prize per person.
 * - People the organiser excludes (`isEligible` false: organisers' staff, a disqualified entry)
 *   are skipped and the prize passes to the next person.
 * - A ladder longer than the list leaves prizes unawarded; `unfilled` says how many of which.
 * - When a tier ends between two people the contest's rules could not separate (a full tie on
 *   score, prediction and time), the ranking's documented tie-breaker decided; `boundaryTies`
 *   names those places so the organiser sees them before publishing.
 */

export type PrizeTier = { prize: string; count: number };

export type RankedForPrize = { position: number; tiedWithPrevious: boolean };

export type PrizeAward<E extends RankedForPrize> = { prize: string; tierIndex: number; entry: E };

export type PrizeAssignment<E extends RankedForPrize> = {
  awards: PrizeAward<E>[];
  unfilled: { prize: string; missing: number }[];
  /** The last awarded of `prize` is fully tied with the next eligible person at `nextPosition`. */
  boundaryTies: { prize: string; lastPosition: number; nextPosition: number }[];
};

/** Throws `invalid_prize_ladder` unless every tier has a name, a positive whole count, and no name repeats. */
export function assertPrizeLadder(ladder: readonly PrizeTier[]): void {
  const names = new Set<string>();
  for (const tier of ladder) {
    if (!tier.prize || !Number.isInteger(tier.count) || tier.count < 1 || names.has(tier.prize)) {
      throw new ContestRuleError('invalid_prize_ladder', { tier });
    }
    names.add(tier.prize);
  }
}

/** Whether `entries[from]` and `entries[to]` (from < to) are equal under the contest's rules. */
function isTiedAcross(entries: readonly RankedForPrize[], from: number, to: number): boolean {
  for (let k = from + 1; k <= to; k++) if (!entries[k]!.tiedWithPrevious) return false;
  return true;
}

/** Prizes for a ranking given in order (RoundRanking.entries). */
export function assignPrizes<E extends RankedForPrize>(
  entries: readonly E[],
  ladder: readonly PrizeTier[],
  options: { isEligible?: (entry: E) => boolean } = {},
): PrizeAssignment<E> {
  assertPrizeLadder(ladder);
  const isEligible = options.isEligible ?? (() => true);
  const awards: PrizeAward<E>[] = [];
  const unfilled: { prize: string; missing: number }[] = [];
  const ends: { prize: string; index: number }[] = [];
  let cursor = 0;
  const nextEligible = (): number => {
    while (cursor < entries.length && !isEligible(entries[cursor]!)) cursor++;
    return cursor;
  };

  ladder.forEach((tier, tierIndex) => {
    let given = 0;
    let last = -1;
    while (given < tier.count && nextEligible() < entries.length) {
      awards.push({ prize: tier.prize, tierIndex, entry: entries[cursor]! });
      last = cursor;
      cursor++;
      given++;
    }
    if (given < tier.count) unfilled.push({ prize: tier.prize, missing: tier.count - given });
    if (last >= 0) ends.push({ prize: tier.prize, index: last });
  });

  const boundaryTies: PrizeAssignment<E>['boundaryTies'] = [];
  for (const end of ends) {
    let next = end.index + 1;
    while (next < entries.length && !isEligible(entries[next]!)) next++;
    if (next < entries.length && isTiedAcross(entries, end.index, next)) {
      boundaryTies.push({
        prize: end.prize,
        lastPosition: entries[end.index]!.position,
        nextPosition: entries[next]!.position,
      });
    }
  }
  return { awards, unfilled, boundaryTies };
}
