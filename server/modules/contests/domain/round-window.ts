import { ContestRuleError, assertInstant } from './contest-errors.ts';
import type { IsoWeekday } from './vietnam-time.ts';
import {
  DAY_MS,
  MINUTE_MS,
  VIETNAM_OFFSET_MS,
  WEEK_MS,
  getVietnamWeekday,
  parseClockTime,
} from './vietnam-time.ts';

/**
 * Weekly rounds with fixed windows, as contest rules state them: "each round opens on Wednesday
 * at 10:00 and closes on the next Wednesday at 09:00" (Vietnam time). The hour in between is when
 * the round's true count for the prediction is frozen and its results computed.
 *
 * Contract:
 * - A window is half-open, [opensAt, closesAt): at exactly 10:00 the round is open; at exactly
 *   09:00 a week later it is closed. So an instant belongs to at most one round even when
 *   windows touch (a rule that closes when it opens makes back-to-back week-long rounds).
 * - The close is the first (closesOn, closesAt) wall-clock time strictly after the opening, so
 *   a window lasts more than 0 and at most 7 days, and rounds k and k+1 never overlap.
 * - Rounds are generated from the first opening at or after the contest's start, one per week.
 *   The generated list is a default: organisers may move a round (for Tết, say), so lookups work
 *   on any list of non-overlapping windows, not on arithmetic.
 */

export type WeeklyWindowRule = {
  opensOn: IsoWeekday;
  /** Wall-clock 'HH:MM' in Vietnam. */
  opensAt: string;
  closesOn: IsoWeekday;
  closesAt: string;
};

export type TimeWindow = { opensAt: number; closesAt: number };
/** A generated round: `number` counts from 1; instants are epoch ms. */
export type RoundWindow = TimeWindow & { number: number };

/** The longest contest we generate rounds for: ten years of weeks. */
export const MAX_ROUNDS = 520;

type ParsedRule = { opensOn: IsoWeekday; openMinute: number; lengthMs: number };

function parseRule(rule: WeeklyWindowRule): ParsedRule {
  const openMinute = parseClockTime(rule.opensAt);
  const closeMinute = parseClockTime(rule.closesAt);
  const weekdayOk = (day: number) => Number.isInteger(day) && day >= 1 && day <= 7;
  if (
    openMinute === null ||
    closeMinute === null ||
    !weekdayOk(rule.opensOn) ||
    !weekdayOk(rule.closesOn)
  ) {
    throw new ContestRuleError('invalid_window_rule', { rule });
  }
  let lengthMs =
    ((rule.closesOn - rule.opensOn + 7) % 7) * DAY_MS + (closeMinute - openMinute) * MINUTE_MS;
  if (lengthMs <= 0) lengthMs += WEEK_MS;
  return { opensOn: rule.opensOn, openMinute, lengthMs };
}

/** How long one window of the rule lasts, in ms. Throws `invalid_window_rule`. */
export function measureWindowLength(rule: WeeklyWindowRule): number {
  return parseRule(rule).lengthMs;
}

function findOpeningAtOrAfter(start: number, rule: ParsedRule): number {
  const localDay = Math.floor((start + VIETNAM_OFFSET_MS) / DAY_MS);
  const dayStart = localDay * DAY_MS - VIETNAM_OFFSET_MS;
  const weekday = getVietnamWeekday(start);
  const daysAhead = (rule.opensOn - weekday + 7) % 7;
  const candidate = dayStart + daysAhead * DAY_MS + rule.openMinute * MINUTE_MS;
  return candidate >= start ? candidate : candidate + WEEK_MS;
}

/** The first opening of the rule at or after `start` (an opening exactly at `start` counts). */
export function findFirstOpening(start: number, rule: WeeklyWindowRule): number {
  assertInstant(start, 'start');
  return findOpeningAtOrAfter(start, parseRule(rule));
}

/**
 * The `count` weekly rounds of a contest: round 1 opens at the rule's first opening at or after
 * `start`, each next round exactly one week later. Throws `invalid_window_rule`,
 * `invalid_round_count` (not an integer in 1…MAX_ROUNDS) or `invalid_instant`.
 */
export function buildRoundWindows(input: {
  start: number;
  count: number;
  rule: WeeklyWindowRule;
}): RoundWindow[] {
  assertInstant(input.start, 'start');
  const rule = parseRule(input.rule);
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_ROUNDS) {
    throw new ContestRuleError('invalid_round_count', { count: input.count });
  }
  const first = findOpeningAtOrAfter(input.start, rule);
  const rounds: RoundWindow[] = [];
  for (let k = 0; k < input.count; k++) {
    const opensAt = first + k * WEEK_MS;
    rounds.push({ number: k + 1, opensAt, closesAt: opensAt + rule.lengthMs });
  }
  return rounds;
}

/** Open at `instant`: opensAt ≤ instant < closesAt. */
export function isRoundOpen(round: TimeWindow, instant: number): boolean {
  return instant >= round.opensAt && instant < round.closesAt;
}

/** Closed at `instant`: the round has ended (instant ≥ closesAt). A round not yet open is not closed. */
export function isRoundClosed(round: TimeWindow, instant: number): boolean {
  return instant >= round.closesAt;
}

/** The round open at `instant`, or null between rounds, before the first and after the last. */
export function findOpenRound<R extends TimeWindow>(
  rounds: readonly R[],
  instant: number,
): R | null {
  for (const round of rounds) if (isRoundOpen(round, instant)) return round;
  return null;
}

/** The earliest round that opens after `instant` (to tell people when to come back), or null. */
export function findNextRound<R extends TimeWindow>(
  rounds: readonly R[],
  instant: number,
): R | null {
  let next: R | null = null;
  for (const round of rounds) {
    if (round.opensAt > instant && (next === null || round.opensAt < next.opensAt)) next = round;
  }
  return next;
}

/**
 * Checks a list of windows as an organiser may have edited them: every window has instants,
 * opens before it closes, and no two overlap (touching is fine). Throws `invalid_window_rule`
 * with the offending windows' positions in `details`.
 */
export function assertRoundWindows(rounds: readonly TimeWindow[]): void {
  rounds.forEach((round, index) => {
    assertInstant(round.opensAt, `rounds[${index}].opensAt`);
    assertInstant(round.closesAt, `rounds[${index}].closesAt`);
    if (round.closesAt <= round.opensAt) {
      throw new ContestRuleError('invalid_window_rule', { problem: 'empty_window', index });
    }
  });
  const order = rounds
    .map((_, index) => index)
    .sort((a, b) => rounds[a]!.opensAt - rounds[b]!.opensAt);
  for (let k = 1; k < order.length; k++) {
    const previous = rounds[order[k - 1]!]!;
    const current = rounds[order[k]!]!;
    if (current.opensAt < previous.closesAt) {
      throw new ContestRuleError('invalid_window_rule', {
        problem: 'overlap',
        indexes: [order[k - 1], order[k]],
      });
    }
  }
}
