import { ContestRuleError } from './contest-errors.ts';

/**
 * Unit prizes and participation: how many people of each unit took part, the participation rate
 * (participants ÷ members) that also feeds targets such as "at least 80 % of members take part",
 * and the two unit prizes — most participants, and highest participation rate.
 *
 * Contract:
 * - The caller decides which unit a participant counts for (the competing level: their
 *   province-level union, their school…) and passes one unit id per distinct person; people
 *   without a unit (free-text units, the public) pass null and count for no unit. To measure
 *   "share of members", count only members; the rate is not capped at 100 %.
 * - Every unit with a member count appears in the tally, with 0 participants if none took part.
 * - Highest rate needs a known member count of at least `minMembers`. Without that floor a
 *   chapter of 3 with 3 participants (100 %) would beat a union of 5,000 with 4,900 (98 %); the
 *   floor is a contest setting because what is "tiny" depends on the competing level.
 * - Rates are compared exactly (cross-multiplied), never as rounded decimals.
 * - Most participants: more participants, then higher rate, then unit id. Highest rate: higher
 *   rate, then more participants, then unit id. A unit with no participants wins nothing; one
 *   unit may win both prizes.
 */

export type UnitParticipation = {
  unitId: string;
  participants: number;
  /** Members of the unit, when known. */
  members: number | null;
  /** participants ÷ members, or null when the member count is unknown or 0. */
  rate: number | null;
};

export type UnitPrizeRules = {
  /** How many units receive the most-participants prize. */
  mostParticipantsPlaces: number;
  /** How many units receive the highest-rate prize. */
  highestRatePlaces: number;
  /** The smallest member count that may compete on rate. */
  minMembers: number;
};

export type UnitPrizes = {
  mostParticipants: UnitParticipation[];
  highestRate: UnitParticipation[];
};

const byUnitId = (a: UnitParticipation, b: UnitParticipation) =>
  a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;

/** Sign of rate(a) − rate(b), exact for whole counts; units without a rate come last. */
function compareRates(a: UnitParticipation, b: UnitParticipation): number {
  if (a.rate === null || b.rate === null) return a.rate === b.rate ? 0 : a.rate === null ? -1 : 1;
  return Math.sign(a.participants * b.members! - b.participants * a.members!);
}

/**
 * Participants per unit from one unit id per distinct person, with every unit of `members`
 * included. Sorted by unit id.
 */
export function tallyUnitParticipation(
  participantUnits: Iterable<string | null>,
  members: ReadonlyMap<string, number>,
): UnitParticipation[] {
  const counts = new Map<string, number>();
  for (const unitId of members.keys()) counts.set(unitId, 0);
  for (const unitId of participantUnits) {
    if (unitId !== null) counts.set(unitId, (counts.get(unitId) ?? 0) + 1);
  }
  const rows: UnitParticipation[] = [];
  for (const [unitId, participants] of counts) {
    const memberCount = members.get(unitId) ?? null;
    rows.push({
      unitId,
      participants,
      members: memberCount,
      rate: memberCount === null || memberCount <= 0 ? null : participants / memberCount,
    });
  }
  return rows.sort(byUnitId);
}

/** Throws `invalid_unit_prize_rule` unless places are whole numbers ≥ 0 and minMembers ≥ 1. */
export function assertUnitPrizeRules(rules: UnitPrizeRules): void {
  const places = [rules.mostParticipantsPlaces, rules.highestRatePlaces];
  if (
    places.some((n) => !Number.isInteger(n) || n < 0) ||
    !Number.isInteger(rules.minMembers) ||
    rules.minMembers < 1
  ) {
    throw new ContestRuleError('invalid_unit_prize_rule', { rules });
  }
}

/** The winning units of both unit prizes, best first. */
export function awardUnitPrizes(
  tally: readonly UnitParticipation[],
  rules: UnitPrizeRules,
): UnitPrizes {
  assertUnitPrizeRules(rules);
  const taking = tally.filter((row) => row.participants > 0);
  const mostParticipants = [...taking]
    .sort((a, b) => b.participants - a.participants || compareRates(b, a) || byUnitId(a, b))
    .slice(0, rules.mostParticipantsPlaces);
  const highestRate = taking
    .filter((row) => row.rate !== null && row.members !== null && row.members >= rules.minMembers)
    .sort((a, b) => compareRates(b, a) || b.participants - a.participants || byUnitId(a, b))
    .slice(0, rules.highestRatePlaces);
  return { mostParticipants, highestRate };
}
