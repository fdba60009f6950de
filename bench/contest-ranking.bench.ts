/**
 * Contest ranking benchmark: one national round of synthetic attempts (1,000,000 by default, from
 * about 400,000 people who try 1–7 times), ranked by the pure domain core — best attempt per
 * person, true count, the Vietnamese order, and the prize ladder. No database: this measures the
 * computation the results job runs after loading the round's attempts. Target: well under 10 s.
 *
 *   npx node bench/contest-ranking.bench.ts
 *   BENCH_ATTEMPTS=200000 BENCH_PEOPLE=80000 BENCH_RUNS=1 npx node bench/contest-ranking.bench.ts
 *
 * Environment: BENCH_ATTEMPTS (1000000), BENCH_PEOPLE (400000), BENCH_RUNS (3),
 * BENCH_TIME_MODE (since_round_start | duration). Exits 1 on any error or a failed check.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { assignPrizes } from '../server/modules/contests/domain/prize-ladder.ts';
import type {
  RoundAttempt,
  RoundRanking,
  TimeMode,
} from '../server/modules/contests/domain/ranking.ts';
import { pickBestAttempts } from '../server/modules/contests/domain/best-attempt.ts';
import { rankBestAttempts } from '../server/modules/contests/domain/ranking.ts';
import { parseVietnamTime } from '../server/modules/contests/domain/vietnam-time.ts';
import { createSeededRandom } from '../server/modules/contests/domain/seeded-random.ts';

type BenchAttempt = RoundAttempt;

function readCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number`);
  return value;
}

const ATTEMPTS = readCount('BENCH_ATTEMPTS', 1_000_000);
const PEOPLE = Math.min(readCount('BENCH_PEOPLE', 400_000), ATTEMPTS);
const RUNS = readCount('BENCH_RUNS', 3);
const TIME_MODE = (process.env.BENCH_TIME_MODE ?? 'since_round_start') as TimeMode;
if (TIME_MODE !== 'since_round_start' && TIME_MODE !== 'duration') {
  throw new Error('BENCH_TIME_MODE must be since_round_start or duration');
}

const ROUND_OPENS_AT = parseVietnamTime('2025-03-05 10:00');
const ROUND_MS = 7 * 86_400_000 - 3_600_000;
const CONTEST_OPENS_AT = ROUND_OPENS_AT - 30 * 86_400_000;

/**
 * Attempts shaped like a national round: every person tries at least once, the rest of the
 * attempts go to people at random (some try many times); scores cluster at the top, as they do
 * when answers can be looked up, so the prediction and the time decide most places; a peak of
 * submissions in the first hours. Each row gets its own id strings, as rows from a database do.
 */
function generateAttempts(): BenchAttempt[] {
  const random = createSeededRandom(20250305);
  const unit = () => random.nextUint32() / 0x100000000;
  const registeredAt = new Float64Array(PEOPLE);
  for (let p = 0; p < PEOPLE; p++) {
    registeredAt[p] = CONTEST_OPENS_AT + Math.floor(unit() * 30 * 86_400_000);
  }
  const scores = [10, 10, 10, 10, 9, 9, 9, 8, 8, 7, 6, 5];
  const attempts: BenchAttempt[] = new Array<BenchAttempt>(ATTEMPTS);
  for (let i = 0; i < ATTEMPTS; i++) {
    const person = i < PEOPLE ? i : random.nextBelow(PEOPLE);
    const score = scores[random.nextBelow(scores.length)]!;
    const early = unit() < 0.4;
    const offset = Math.floor((early ? unit() * 0.02 : unit()) * (ROUND_MS - 600_000));
    const startedAt = ROUND_OPENS_AT + offset;
    // A flat string of its own, as the PostgreSQL driver decodes each row from its buffer.
    const participantId = Buffer.from(
      `0195a1b2-7c3d-7e4f-8a5b-${person.toString(16).padStart(12, '0')}`,
      'latin1',
    ).toString('latin1');
    attempts[i] = {
      attemptId: String(i + 1),
      participantId,
      score,
      isAllCorrect: score === 10,
      prediction: unit() < 0.97 ? 150_000 + random.nextBelow(200_000) : null,
      startedAt,
      submittedAt: startedAt + 20_000 + random.nextBelow(580_000),
      registeredAt: registeredAt[person]!,
    };
  }
  // Database order is not submission order: shuffle the rows.
  for (let i = attempts.length - 1; i > 0; i--) {
    const j = random.nextBelow(i + 1);
    const held = attempts[i]!;
    attempts[i] = attempts[j]!;
    attempts[j] = held;
  }
  return attempts;
}

const LADDER = [
  { prize: 'Giải Nhất', count: 1 },
  { prize: 'Giải Nhì', count: 2 },
  { prize: 'Giải Ba', count: 3 },
  { prize: 'Giải Khuyến khích', count: 10 },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

/** Throws unless every neighbour pair is in the Vietnamese order (score, distance, time). */
function verifyOrder(ranking: RoundRanking<BenchAttempt>): void {
  for (let k = 1; k < ranking.entries.length; k++) {
    const a = ranking.entries[k - 1]!;
    const b = ranking.entries[k]!;
    const da = a.predictionDistance ?? Number.POSITIVE_INFINITY;
    const db = b.predictionDistance ?? Number.POSITIVE_INFINITY;
    const inOrder =
      a.attempt.score > b.attempt.score ||
      (a.attempt.score === b.attempt.score && (da < db || (da === db && a.timeMs <= b.timeMs)));
    if (!inOrder) throw new Error(`ranking out of order at position ${k + 1}`);
  }
}

/** Ranks `attempts` RUNS times; returns the participant order of the last run. */
function measure(label: string, attempts: readonly BenchAttempt[]): string[] {
  const totals: number[] = [];
  const cpuTotals: number[] = [];
  let order: string[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const bests = pickBestAttempts(attempts);
    const afterBest = performance.now();
    const ranking = rankBestAttempts(bests, { timeMode: TIME_MODE, roundOpensAt: ROUND_OPENS_AT });
    const afterRank = performance.now();
    const prizes = assignPrizes(ranking.entries, LADDER);
    const done = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    totals.push(done - started);
    cpuTotals.push((cpu.user + cpu.system) / 1000);

    if (bests.length !== PEOPLE) {
      throw new Error(`expected ${PEOPLE} best results, got ${bests.length}`);
    }
    verifyOrder(ranking);
    const runOrder = ranking.entries.map((entry) => entry.attempt.participantId);
    if (run > 1 && runOrder.some((id, k) => id !== order[k])) {
      throw new Error('two runs ranked differently');
    }
    order = runOrder;
    const ties = ranking.entries.reduce((n, entry) => n + (entry.tiedWithPrevious ? 1 : 0), 0);
    console.log(
      `  ${label} run ${run}: best-per-person ${ms(afterBest - started)} | rank ${ms(afterRank - afterBest)} | prizes ${ms(done - afterRank)} | total ${ms(done - started)} (cpu ${ms(cpuTotals[run - 1]!).trim()})` +
        ` — ${bests.length.toLocaleString('en')} ranked, true count ${ranking.trueCount.toLocaleString('en')}, full ties ${ties}, ${prizes.awards.length} prizes`,
    );
  }
  const wall = median(totals);
  console.log(
    `ranking ${ATTEMPTS.toLocaleString('en')} attempts, ${label}, ${TIME_MODE}: median ${wall.toFixed(0)} ms wall, ${median(cpuTotals).toFixed(0)} ms cpu (target < 10,000 ms)`,
  );
  if (wall >= 10_000) throw new Error(`target missed: ${wall.toFixed(0)} ms`);
  return order;
}

function main(): void {
  console.log(
    `contest ranking — ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  const started = performance.now();
  const attempts = generateAttempts();
  console.log(
    `generated ${attempts.length.toLocaleString('en')} attempts of ${PEOPLE.toLocaleString('en')} people in ${ms(performance.now() - started).trim()}`,
  );
  const unordered = measure('rows in any order', attempts);
  // What a loader gets with ORDER BY participant_id: best-per-person needs no hashing.
  const byParticipant = [...attempts].sort((a, b) =>
    a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0,
  );
  const ordered = measure('rows by participant', byParticipant);
  if (ordered.some((id, k) => id !== unordered[k])) {
    throw new Error('the two loading orders ranked differently');
  }
  console.log(`load average now ${os.loadavg()[0]!.toFixed(1)}`);
}

try {
  main();
} catch (error) {
  console.error(error);
  process.exit(1);
}
