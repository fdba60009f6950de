import { pickBestAttempts } from './best-attempt.ts';
import { ContestRuleError } from './contest-errors.ts';

/**
 * The Vietnamese contest ranking of one round.
 *
 * 1. Only each person's best attempt counts (best-attempt.ts): the highest score; between equal
 *    scores the earliest submission (an equal score achieved again later never replaces the
 *    first), then the earliest start, then the smaller attempt id.
 * 2. The true count — people whose best attempt has every question right — is counted once per
 *    person from those best attempts, unless the round's frozen count is given.
 * 3. Order: score (higher first); then the prediction's distance |prediction − true count|
 *    (smaller first; no prediction ranks after every prediction); then time, by contest setting:
 *    `since_round_start` — submission instant minus the round's opening (earlier first) — or
 *    `duration` — submission minus the attempt's start (shorter first). Times compare to the
 *    millisecond the server recorded.
 * 4. Full ties — equal on all three — do not share a place and are not left to chance or to the
 *    database's row order: the earlier registration in the contest goes first (a fact fixed
 *    before the round, which no one can improve during it, and easy to state in the rules:
 *    "ưu tiên người đăng ký sớm hơn"), then the smaller participant id, so the order is total and
 *    the same on every run. The later of two such entries carries `tiedWithPrevious`, so the
 *    results page can say "đồng hạng" and the organiser can see when a prize boundary fell inside
 *    a tie that the contest's own rules could not break (prize-ladder.ts reports those).
 * Ids compare by UTF-16 code units (`<`), the same on every machine and locale.
 *
 * Scale: a national round has a million attempts. Best-per-person is one pass (best-attempt.ts);
 * the sort keys are copied once into typed arrays and an index array is sorted with a comparator
 * that only reads them (no allocation per comparison); strings are compared only for full ties.
 * Input instants are epoch ms; attempts must already be finished (submitted or expired).
 */

export type TimeMode = 'since_round_start' | 'duration';

export type RoundAttempt = {
  /** Breaks the last tie between two of one person's attempts, so row order never matters. */
  attemptId: string;
  participantId: string;
  score: number;
  isAllCorrect: boolean;
  /** The attempt's answer to the prediction question; null when none was given. */
  prediction: number | null;
  startedAt: number;
  /** The effective submission instant (timing.ts `effectiveSubmittedAt`). */
  submittedAt: number;
  /** When the participant registered for the contest: the final, documented tie-breaker. */
  registeredAt: number;
};

export type RankingSettings = {
  timeMode: TimeMode;
  /** The round's opening, from which `since_round_start` time is counted. */
  roundOpensAt: number;
  /** The frozen true count of the round; counted from the best attempts when absent. */
  trueCount?: number | null;
};

export type RankedEntry<T extends RoundAttempt> = {
  /** 1-based place in the total order. */
  position: number;
  attempt: T;
  /** |prediction − true count|, or null without a prediction. */
  predictionDistance: number | null;
  /** The time that ranked, in ms, per the contest's time mode. */
  timeMs: number;
  /** Equal to the previous entry on score, distance and time: the rules could not separate them. */
  tiedWithPrevious: boolean;
};

export type RoundRanking<T extends RoundAttempt> = {
  trueCount: number;
  entries: RankedEntry<T>[];
};

/** People whose best attempt is all correct; `bests` holds one attempt per person. */
export function countAllCorrect(bests: readonly RoundAttempt[]): number {
  let count = 0;
  for (const attempt of bests) if (attempt.isAllCorrect) count++;
  return count;
}

function checkAttempt(attempt: RoundAttempt, index: number): void {
  const prediction = attempt.prediction;
  if (
    !Number.isFinite(attempt.score) ||
    (prediction !== null && !(Number.isFinite(prediction) && prediction >= 0)) ||
    !Number.isSafeInteger(attempt.startedAt) ||
    !Number.isSafeInteger(attempt.submittedAt) ||
    !Number.isSafeInteger(attempt.registeredAt)
  ) {
    throw new ContestRuleError('invalid_result', { index, participantId: attempt.participantId });
  }
}

/**
 * Ranks best attempts (one per person: see `pickBestAttempts`). Throws `invalid_result` when an
 * attempt has a score, prediction or instant that is not a number, and `invalid_instant` for a
 * bad round opening or true count.
 */
export function rankBestAttempts<T extends RoundAttempt>(
  bests: readonly T[],
  settings: RankingSettings,
): RoundRanking<T> {
  const { timeMode, roundOpensAt } = settings;
  if (!Number.isSafeInteger(roundOpensAt)) {
    throw new ContestRuleError('invalid_instant', { name: 'roundOpensAt', value: roundOpensAt });
  }
  const frozen = settings.trueCount ?? null;
  if (frozen !== null && !(Number.isInteger(frozen) && frozen >= 0)) {
    throw new ContestRuleError('invalid_result', { trueCount: frozen });
  }
  const n = bests.length;
  const score = new Float64Array(n);
  const distance = new Float64Array(n);
  const time = new Float64Array(n);
  const registered = new Float64Array(n);
  const order = new Uint32Array(n);
  // One pass over the objects (each read once: they are scattered in memory), then typed arrays.
  let allCorrect = 0;
  for (let i = 0; i < n; i++) {
    const attempt = bests[i]!;
    checkAttempt(attempt, i);
    score[i] = attempt.score;
    distance[i] = attempt.prediction ?? Number.NaN;
    time[i] =
      timeMode === 'duration'
        ? attempt.submittedAt - attempt.startedAt
        : attempt.submittedAt - roundOpensAt;
    registered[i] = attempt.registeredAt;
    if (attempt.isAllCorrect) allCorrect++;
    order[i] = i;
  }
  const trueCount = frozen ?? allCorrect;
  for (let i = 0; i < n; i++) {
    const prediction = distance[i]!;
    distance[i] = Number.isNaN(prediction)
      ? Number.POSITIVE_INFINITY
      : Math.abs(prediction - trueCount);
  }

  const compare = (a: number, b: number): number => {
    const sa = score[a]!;
    const sb = score[b]!;
    if (sa !== sb) return sa > sb ? -1 : 1;
    const da = distance[a]!;
    const db = distance[b]!;
    if (da !== db) return da < db ? -1 : 1;
    const ta = time[a]!;
    const tb = time[b]!;
    if (ta !== tb) return ta < tb ? -1 : 1;
    const ra = registered[a]!;
    const rb = registered[b]!;
    if (ra !== rb) return ra < rb ? -1 : 1;
    const pa = bests[a]!.participantId;
    const pb = bests[b]!.participantId;
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  };
  order.sort(compare);

  const entries = new Array<RankedEntry<T>>(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const previous = k > 0 ? order[k - 1]! : -1;
    const d = distance[i]!;
    entries[k] = {
      position: k + 1,
      attempt: bests[i]!,
      predictionDistance: d === Number.POSITIVE_INFINITY ? null : d,
      timeMs: time[i]!,
      tiedWithPrevious:
        previous >= 0 &&
        score[previous] === score[i] &&
        distance[previous] === d &&
        time[previous] === time[i],
    };
  }
  return { trueCount, entries };
}

/** Best attempt per person, then the ranking: the whole of a round's results. */
export function rankRound<T extends RoundAttempt>(
  attempts: readonly T[],
  settings: RankingSettings,
): RoundRanking<T> {
  return rankBestAttempts(pickBestAttempts(attempts), settings);
}
