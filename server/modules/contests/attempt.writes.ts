import type { Database } from '../../kernel/db/client.ts';
import { createBatcher } from '../../kernel/db/batcher.ts';
import type { AttemptRow } from './contests.table.ts';

/**
 * The two writes of every attempt — starting it and storing its result — as group-committed
 * statements (kernel/db/batcher.ts): at a round's opening thousands of participants start and
 * submit within seconds, and one multi-row statement per batch costs the database a fraction of
 * one statement and one commit per request (docs/decisions/0008). Raw SQL, prepared once per
 * connection: building these through the query builder cost more CPU than running them.
 */

/** What starting an attempt inserts; `allowance` is the round's limit of attempts, or null. */
export type AttemptStart = Pick<
  AttemptRow,
  'contestId' | 'roundId' | 'participantId' | 'seed' | 'questions' | 'startedAt' | 'deadline'
> & { allowance: number | null };

/** A scored attempt's result, stored only if the attempt is still active with `knownAnswers`. */
export type AttemptResult = Pick<
  AttemptRow,
  | 'id'
  | 'answers'
  | 'submittedAt'
  | 'effectiveSubmittedAt'
  | 'status'
  | 'score'
  | 'maxScore'
  | 'correctCount'
  | 'isAllCorrect'
  | 'correct'
  | 'durationMs'
  | 'prediction'
> & { knownAnswers: number };

const BATCH = { maxItems: 64, maxInFlight: 2 };

// One row per participant in a batch: `returning` is matched back by participant, and the
// allowance is counted on the statement's snapshot (a second start in the same batch would not
// see the first). The partial unique index keeps one active attempt per participant.
const START_SQL = `
  insert into contest_attempts
    (contest_id, round_id, participant_id, seed, questions, started_at, deadline, status)
  select v.contest_id, v.round_id, v.participant_id, v.seed, v.questions, v.started_at,
         v.deadline, 'active'
  from jsonb_to_recordset($1::jsonb) as v(contest_id uuid, round_id uuid, participant_id uuid,
    seed int, questions jsonb, started_at timestamptz, deadline timestamptz, allowance int)
  where v.allowance is null
     or (select count(*) from contest_attempts a
         where a.round_id = v.round_id and a.participant_id = v.participant_id) < v.allowance
  on conflict do nothing
  returning id, participant_id`;

// The answers scored are all the answers recorded (attempt.cache.ts): the guess is checked here.
const FINISH_SQL = `
  update contest_attempts a set
    answers = v.answers, submitted_at = v.submitted_at,
    effective_submitted_at = v.effective_submitted_at, status = v.status, score = v.score,
    max_score = v.max_score, correct_count = v.correct_count, is_all_correct = v.is_all_correct,
    correct = v.correct, duration_ms = v.duration_ms, prediction = v.prediction
  from jsonb_to_recordset($1::jsonb) as v(id uuid, known_answers int, answers jsonb,
    submitted_at timestamptz, effective_submitted_at timestamptz, status text, score float8,
    max_score float8, correct_count int, is_all_correct boolean, correct jsonb, duration_ms int,
    prediction int)
  where a.id = v.id and a.status = 'active' and jsonb_array_length(a.answers) = v.known_answers
  returning a.id`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function startBatcher(database: Database) {
  return createBatcher<AttemptStart, string | null>({
    ...BATCH,
    keyOf: (a) => a.participantId,
    run: async (starts) => {
      const rows = starts.map((a) => ({
        contest_id: a.contestId,
        round_id: a.roundId,
        participant_id: a.participantId,
        seed: a.seed,
        questions: a.questions,
        started_at: iso(a.startedAt),
        deadline: iso(a.deadline),
        allowance: a.allowance,
      }));
      const inserted = await database.query<{ id: string; participant_id: string }>(
        START_SQL,
        [JSON.stringify(rows)],
        'contest_attempt_start',
      );
      const ids = new Map(inserted.map((r) => [r.participant_id, r.id]));
      return starts.map((a) => ids.get(a.participantId) ?? null);
    },
  });
}

function finishBatcher(database: Database) {
  return createBatcher<AttemptResult, boolean>({
    ...BATCH,
    keyOf: (r) => r.id,
    run: async (results) => {
      const rows = results.map((r) => ({
        id: r.id,
        known_answers: r.knownAnswers,
        answers: r.answers,
        submitted_at: iso(r.submittedAt),
        effective_submitted_at: iso(r.effectiveSubmittedAt),
        status: r.status,
        score: r.score,
        max_score: r.maxScore,
        correct_count: r.correctCount,
        is_all_correct: r.isAllCorrect,
        correct: r.correct,
        duration_ms: r.durationMs,
        prediction: r.prediction,
      }));
      const updated = await database.query<{ id: string }>(
        FINISH_SQL,
        [JSON.stringify(rows)],
        'contest_attempt_finish',
      );
      const ids = new Set(updated.map((r) => r.id));
      return results.map((r) => ids.has(r.id));
    },
  });
}

const writers = new WeakMap<
  Database,
  { start: ReturnType<typeof startBatcher>; finish: ReturnType<typeof finishBatcher> }
>();

function writersOf(database: Database) {
  let w = writers.get(database);
  if (!w) {
    w = { start: startBatcher(database), finish: finishBatcher(database) };
    writers.set(database, w);
  }
  return w;
}

/**
 * Inserts the attempt unless the participant has one active or has used the round's
 * allowance; returns its id, or null when refused.
 */
export const insertAttemptIfAllowed = (database: Database, start: AttemptStart) =>
  writersOf(database).start(start);

/** Stores the result if the attempt is still as scored; false when it was not (re-read it). */
export const storeAttemptResult = (database: Database, result: AttemptResult) =>
  writersOf(database).finish(result);
