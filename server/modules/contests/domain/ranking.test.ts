import { describe, expect, it } from 'vitest';
import { ContestRuleError } from './contest-errors.ts';
import type { RoundAttempt, TimeMode } from './ranking.ts';
import { hashId, pickBestAttempts } from './best-attempt.ts';
import { countAllCorrect, rankBestAttempts, rankRound } from './ranking.ts';
import { createSeededRandom, shuffleInPlace } from './seeded-random.ts';
import { parseVietnamTime } from './vietnam-time.ts';

type TestAttempt = RoundAttempt;

const OPEN = parseVietnamTime('2025-03-05 10:00');
const REGISTERED = parseVietnamTime('2025-03-01 08:00');
const MIN = 60_000;
const at = (minutes: number) => OPEN + minutes * MIN;

function attempt(id: string, participantId: string, over: Partial<RoundAttempt> = {}): TestAttempt {
  return {
    attemptId: id,
    participantId,
    score: 10,
    isAllCorrect: false,
    prediction: 100,
    startedAt: at(60),
    submittedAt: at(65),
    registeredAt: REGISTERED,
    ...over,
  };
}

const bySince = { timeMode: 'since_round_start' as const, roundOpensAt: OPEN };
const ids = (attempts: { attempt: TestAttempt }[]) =>
  attempts.map((entry) => entry.attempt.attemptId);

function errorOf(action: () => unknown): ContestRuleError {
  try {
    action();
  } catch (error) {
    if (error instanceof ContestRuleError) return error;
    throw error;
  }
  throw new Error('expected a ContestRuleError');
}

describe('the order', () => {
  it('ranks by score first, whatever the prediction and time', () => {
    const ranking = rankRound(
      [
        attempt('A', 'pA', { score: 8, prediction: 100, submittedAt: at(1) }),
        attempt('B', 'pB', { score: 10, prediction: 5000, submittedAt: at(900) }),
        attempt('C', 'pC', { score: 9 }),
      ],
      { ...bySince, trueCount: 100 },
    );
    expect(ids(ranking.entries)).toEqual(['B', 'C', 'A']);
    expect(ranking.entries.map((e) => e.position)).toEqual([1, 2, 3]);
  });

  it('breaks a score tie by the closeness of the prediction, then by time', () => {
    const ranking = rankRound(
      [
        attempt('far', 'p1', { prediction: 90, submittedAt: at(61) }),
        attempt('over', 'p2', { prediction: 103, submittedAt: at(70) }),
        attempt('under', 'p3', { prediction: 97, submittedAt: at(69) }),
        attempt('none', 'p4', { prediction: null, submittedAt: at(61) }),
        attempt('exact', 'p5', { prediction: 100, submittedAt: at(600) }),
      ],
      { ...bySince, trueCount: 100 },
    );
    // 'over' and 'under' are both 3 away: the earlier submission goes first.
    expect(ids(ranking.entries)).toEqual(['exact', 'under', 'over', 'far', 'none']);
    expect(ranking.entries.map((e) => e.predictionDistance)).toEqual([0, 3, 3, 10, null]);
    expect(ranking.entries.map((e) => e.tiedWithPrevious)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('ranks no prediction after any prediction, however far', () => {
    const ranking = rankRound(
      [
        attempt('silent', 'p1', { prediction: null, submittedAt: at(1) }),
        attempt('wild', 'p2', { prediction: 9_999_999, submittedAt: at(500) }),
      ],
      { ...bySince, trueCount: 0 },
    );
    expect(ids(ranking.entries)).toEqual(['wild', 'silent']);
  });

  it.each<[TimeMode, string[], number[]]>([
    ['since_round_start', ['early', 'quick'], [30 * MIN, 60 * MIN]],
    ['duration', ['quick', 'early'], [10 * MIN, 30 * MIN]],
  ])('measures time as %s', (timeMode, order, times) => {
    const attempts = [
      // Started at the opening, took 30 minutes: submitted 30 min after the round opened.
      attempt('early', 'p1', { startedAt: at(0), submittedAt: at(30) }),
      // Started later, took 10 minutes: submitted 60 min after the round opened.
      attempt('quick', 'p2', { startedAt: at(50), submittedAt: at(60) }),
    ];
    const ranking = rankRound(attempts, { timeMode, roundOpensAt: OPEN });
    expect(ids(ranking.entries)).toEqual(order);
    expect(ranking.entries.map((e) => e.timeMs)).toEqual(times);
  });

  it('orders full ties by registration, then participant id, and flags them', () => {
    const ranking = rankRound(
      [
        attempt('late-reg', 'p-a', { registeredAt: REGISTERED + 1 }),
        attempt('id-b', 'p-b'),
        attempt('id-a', 'p-0'),
        attempt('slower', 'p-c', { submittedAt: at(65) + 1 }),
      ],
      { ...bySince, trueCount: 100 },
    );
    expect(ids(ranking.entries)).toEqual(['id-a', 'id-b', 'late-reg', 'slower']);
    expect(ranking.entries.map((e) => e.tiedWithPrevious)).toEqual([false, true, true, false]);
  });

  it('counts ties on distance in both directions and on equal time as full ties', () => {
    const ranking = rankRound(
      [
        attempt('below', 'p1', { prediction: 98 }),
        attempt('above', 'p2', { prediction: 102, registeredAt: REGISTERED - MIN }),
      ],
      { ...bySince, trueCount: 100 },
    );
    expect(ids(ranking.entries)).toEqual(['above', 'below']);
    expect(ranking.entries[1]!.tiedWithPrevious).toBe(true);
  });
});

describe('best result per person', () => {
  it('lets a later, better attempt replace the first', () => {
    const first = attempt('first', 'p1', { score: 7, submittedAt: at(10) });
    const better = attempt('better', 'p1', { score: 9, submittedAt: at(100) });
    expect(pickBestAttempts([first, better])).toEqual([better]);
    const ranking = rankRound([first, attempt('other', 'p2', { score: 8 }), better], {
      ...bySince,
      trueCount: 0,
    });
    expect(ids(ranking.entries)).toEqual(['better', 'other']);
  });

  it('keeps the earlier attempt when a later one only equals its score', () => {
    const first = attempt('first', 'p1', {
      startedAt: at(0),
      submittedAt: at(30),
      prediction: 500,
    });
    // Better prediction and a shorter duration, but the same score: it does not count.
    const again = attempt('again', 'p1', {
      startedAt: at(40),
      submittedAt: at(41),
      prediction: 100,
    });
    expect(pickBestAttempts([again, first])).toEqual([first]);
    const ranking = rankRound([first, again], {
      timeMode: 'duration',
      roundOpensAt: OPEN,
      trueCount: 100,
    });
    expect(ids(ranking.entries)).toEqual(['first']);
    expect(ranking.entries[0]!.predictionDistance).toBe(400);
    expect(ranking.entries[0]!.timeMs).toBe(30 * MIN);
  });

  it('between equal score and submission, takes the earlier start, then the smaller attempt id', () => {
    const a = attempt('a', 'p1', { startedAt: at(20), submittedAt: at(30) });
    const c = attempt('c', 'p1', { startedAt: at(10), submittedAt: at(30) });
    const b = attempt('b', 'p1', { startedAt: at(10), submittedAt: at(30) });
    expect(pickBestAttempts([a, c, b])).toEqual([b]);
    expect(pickBestAttempts([b, c, a])).toEqual([b]);
    // The same when rows come ordered by participant.
    expect(pickBestAttempts([c, a, b, attempt('z', 'p2')])).toEqual([b, attempt('z', 'p2')]);
  });

  it('keeps people apart however their rows are interleaved', () => {
    const attempts = [
      attempt('x1', 'p-b', { score: 6 }),
      attempt('y1', 'p-a', { score: 9 }),
      attempt('x2', 'p-b', { score: 8 }),
      attempt('y2', 'p-a', { score: 7 }),
      attempt('z1', 'p-c', { score: 5 }),
    ];
    expect(pickBestAttempts(attempts).map((a) => a.attemptId)).toEqual(['y1', 'x2', 'z1']);
    const ordered = [attempts[1]!, attempts[3]!, attempts[0]!, attempts[2]!, attempts[4]!];
    expect(pickBestAttempts(ordered).map((a) => a.attemptId)).toEqual(['y1', 'x2', 'z1']);
  });

  it('keeps two people apart when their ids share a hash', () => {
    expect(hashId('p-139599')).toBe(hashId('p-322382'));
    const attempts = [
      attempt('x1', 'p-139599', { score: 6 }),
      attempt('y1', 'p-322382', { score: 9 }),
      attempt('x2', 'p-139599', { score: 8 }),
      attempt('y2', 'p-322382', { score: 7 }),
      attempt('z1', 'p-1', { score: 5 }),
    ];
    expect(pickBestAttempts(attempts).map((a) => a.attemptId)).toEqual(['y1', 'x2', 'z1']);
  });

  it('counts each person once for the true count, from their best attempt', () => {
    const attempts = [
      attempt('p1-1', 'p1', { isAllCorrect: true, submittedAt: at(10) }),
      attempt('p1-2', 'p1', { isAllCorrect: true, submittedAt: at(20) }),
      attempt('p2-1', 'p2', { score: 8, isAllCorrect: false }),
      attempt('p2-2', 'p2', { score: 10, isAllCorrect: true }),
      attempt('p3-1', 'p3', { score: 9, isAllCorrect: false }),
    ];
    const bests = pickBestAttempts(attempts);
    expect(bests.map((a) => a.attemptId)).toEqual(['p1-1', 'p2-2', 'p3-1']);
    expect(countAllCorrect(bests)).toBe(2);
    const ranking = rankRound(attempts, bySince);
    expect(ranking.trueCount).toBe(2);
    expect(ranking.entries.map((e) => e.predictionDistance)).toEqual([98, 98, 98]);
  });

  it('uses the frozen true count when the round gives one', () => {
    const ranking = rankRound([attempt('a', 'p1', { isAllCorrect: true, prediction: 40 })], {
      ...bySince,
      trueCount: 42,
    });
    expect(ranking.trueCount).toBe(42);
    expect(ranking.entries[0]!.predictionDistance).toBe(2);
  });
});

/** The rules written the slow, obvious way, to check the fast implementation against. */
function rankNaively(attempts: readonly TestAttempt[], timeMode: TimeMode): string[] {
  const best = new Map<string, TestAttempt>();
  for (const a of attempts) {
    const b = best.get(a.participantId);
    const better =
      !b ||
      a.score > b.score ||
      (a.score === b.score &&
        (a.submittedAt < b.submittedAt ||
          (a.submittedAt === b.submittedAt &&
            (a.startedAt < b.startedAt ||
              (a.startedAt === b.startedAt && a.attemptId < b.attemptId)))));
    if (better) best.set(a.participantId, a);
  }
  const bests = [...best.values()];
  const truth = bests.filter((a) => a.isAllCorrect).length;
  const distance = (a: TestAttempt) =>
    a.prediction === null ? Number.POSITIVE_INFINITY : Math.abs(a.prediction - truth);
  const time = (a: TestAttempt) =>
    timeMode === 'duration' ? a.submittedAt - a.startedAt : a.submittedAt - OPEN;
  return bests
    .sort(
      (a, b) =>
        b.score - a.score ||
        Math.sign(distance(a) - distance(b)) ||
        time(a) - time(b) ||
        a.registeredAt - b.registeredAt ||
        (a.participantId < b.participantId ? -1 : 1),
    )
    .map((a) => a.attemptId);
}

describe('agreement with the rules as written', () => {
  it.each<TimeMode>(['since_round_start', 'duration'])(
    'gives the same order for any row order (%s), with ties at every level',
    (timeMode) => {
      const random = createSeededRandom(7);
      const attempts: TestAttempt[] = [];
      for (let i = 0; i < 3000; i++) {
        const person = random.nextBelow(700);
        const score = 7 + random.nextBelow(4);
        const startedAt = at(random.nextBelow(20));
        attempts.push(
          attempt(`t${i}`, `p${String(person).padStart(4, '0')}`, {
            score,
            isAllCorrect: score === 10,
            prediction: random.nextBelow(10) === 0 ? null : 300 + random.nextBelow(40),
            startedAt,
            submittedAt: startedAt + random.nextBelow(5) * MIN,
            registeredAt: REGISTERED + (person % 5) * MIN,
          }),
        );
      }
      const expected = rankNaively(attempts, timeMode);
      const settings = { timeMode, roundOpensAt: OPEN };
      const ranking = rankRound(attempts, settings);
      expect(ids(ranking.entries)).toEqual(expected);
      expect(ranking.entries.some((e) => e.tiedWithPrevious)).toBe(true);
      for (const seed of [1, 2, 3]) {
        const shuffled = shuffleInPlace([...attempts], createSeededRandom(seed));
        expect(ids(rankRound(shuffled, settings).entries)).toEqual(ids(ranking.entries));
      }
      // Loaded ORDER BY participant_id: grouped by neighbours instead of a Map.
      const grouped = [...attempts].sort((a, b) =>
        a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0,
      );
      expect(ids(rankRound(grouped, settings).entries)).toEqual(ids(ranking.entries));
    },
  );
});

describe('bad input', () => {
  it('refuses results that are not numbers, and a bad true count or opening', () => {
    expect(
      errorOf(() => rankRound([attempt('a', 'p1', { score: Number.NaN })], bySince)).code,
    ).toBe('invalid_result');
    expect(errorOf(() => rankRound([attempt('a', 'p1', { prediction: -1 })], bySince)).code).toBe(
      'invalid_result',
    );
    expect(errorOf(() => rankRound([], { ...bySince, trueCount: -1 })).code).toBe('invalid_result');
    expect(
      errorOf(() => rankRound([], { timeMode: 'duration', roundOpensAt: Number.NaN })).code,
    ).toBe('invalid_instant');
  });

  it('ranks an empty round', () => {
    expect(rankBestAttempts([], bySince)).toEqual({ trueCount: 0, entries: [] });
  });
});
