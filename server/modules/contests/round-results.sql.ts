import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/client.ts';
import type { TimeMode } from './domain/ranking.ts';

/**
 * The ranking of a closed round, computed inside the database in two statements.
 *
 * domain/ranking.ts and domain/best-attempt.ts are the specification (and what unit tests pin
 * down); this is the same order written as SQL so that a national round — a million attempts —
 * is ranked without carrying every row into the process and back (round-results.test.ts checks
 * the two agree on random rounds full of ties). Loading 1,000,000 rows through the driver, then
 * writing 400,000 results back in chunks, took minutes; the set-based form takes seconds.
 *
 * Correspondence with the domain code:
 * - best attempt per person: `distinct on (participant_id)` ordered by score desc, effective
 *   submission asc, start asc, id asc (best-attempt.ts `isBetterAttempt`; uuids order as their
 *   lower-case text, which is how the domain compares ids);
 * - true count: best attempts with every answer right;
 * - order: score desc, |prediction − true count| asc with no prediction last, time asc (per the
 *   time mode, in whole ms as the process reads timestamps), registration asc, participant id;
 * - `tied_with_previous`: equal to the previous row on score, distance and time (two missing
 *   predictions are equal, as Infinity === Infinity in the domain code).
 */

function bestAttempts(roundId: string, timeMode: TimeMode, roundOpensAt: Date) {
  const timeOrigin =
    timeMode === 'duration' ? sql`a.started_at` : sql`${roundOpensAt.toISOString()}::timestamptz`;
  return sql`
    select distinct on (a.participant_id)
           a.id as attempt_id, a.participant_id, coalesce(a.score, 0) as score,
           coalesce(a.is_all_correct, false) as is_all_correct, a.prediction,
           floor(extract(epoch from coalesce(a.effective_submitted_at, a.started_at)) * 1000)
             - floor(extract(epoch from ${timeOrigin}) * 1000) as time_ms,
           p.registered_at
      from contest_attempts a
      join contest_participants p on p.id = a.participant_id
     where a.round_id = ${roundId}::uuid and a.status <> 'active'
     order by a.participant_id, coalesce(a.score, 0) desc,
              coalesce(a.effective_submitted_at, a.started_at), a.started_at, a.id`;
}

export type RoundResultCounts = { trueCount: number; participants: number; attempts: number };

type Row = { true_count: number; participants: number; attempts: number };

/**
 * Replaces the round's results with its ranking, in one statement (each person's best attempt
 * is found once and feeds both the true count and the order). Prizes are left null: the ladder
 * is applied to the top rows afterwards. Run it inside the closing transaction.
 */
export async function writeRoundRanking(
  db: Db,
  roundId: string,
  timeMode: TimeMode,
  roundOpensAt: Date,
): Promise<RoundResultCounts> {
  // A national round sorts a million rows twice; with the default 4 MB they spill to disk.
  await db.execute(sql`set local work_mem = '256MB'`);
  await db.execute(sql`delete from contest_round_results where round_id = ${roundId}::uuid`);
  const result = await db.execute(sql`
    with best as materialized (${bestAttempts(roundId, timeMode, roundOpensAt)}),
    truth as (select count(*) filter (where is_all_correct)::int as n from best),
    keyed as (
      select best.*, abs(best.prediction - truth.n)::float8 as distance from best, truth
    ),
    ranked as (
      select keyed.*,
             row_number() over w as position,
             lag(score) over w as prev_score,
             lag(distance) over w as prev_distance,
             lag(time_ms) over w as prev_time,
             lag(participant_id) over w as prev_participant
        from keyed
      window w as (order by score desc, distance asc nulls last, time_ms asc,
                            registered_at asc, participant_id asc)
    ),
    written as (
      insert into contest_round_results
        (round_id, participant_id, attempt_id, rank, score, prediction_distance, time_ms,
         tied_with_previous, prize)
      select ${roundId}::uuid, participant_id, attempt_id, position, score, distance, time_ms,
             prev_participant is not null and prev_score = score
               and prev_distance is not distinct from distance and prev_time = time_ms,
             null
        from ranked
      returning 1
    )
    select (select n from truth) as true_count,
           (select count(*) from written)::int as participants,
           (select count(*) from contest_attempts
             where round_id = ${roundId}::uuid and status <> 'active')::int as attempts`);
  const row = (result as { rows: Row[] }).rows[0]!;
  return { trueCount: row.true_count, participants: row.participants, attempts: row.attempts };
}
