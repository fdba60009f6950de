import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { findSubtreeAsOf, isWithin } from './courses.paths.ts';
import type { CompletionsResponse } from './courses.contracts.ts';
import { authorizeCourse } from './courses.scope.ts';

/**
 * Completion per person, read from the final test's attempts (nothing is stored twice): a
 * participant — linked to their member record when the contests module matched one — completed
 * the course when a finished attempt scored at least the pass mark.
 */

export type LearnerRow = {
  participant_id: string;
  unit_id: string | null;
  person_id: string | null;
  best_percent: number;
  completed_at: Date | null;
};

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** Every participant of the test with a finished attempt: best percent, first pass. */
export async function learnersOf(
  db: Db,
  contestId: string,
  passMark: number,
  participantId?: string,
): Promise<LearnerRow[]> {
  return rows<LearnerRow>(
    db,
    sql`select p.id as participant_id, p.unit_id, p.person_id,
        max(a.score * 100 / a.max_score)::float8 as best_percent,
        min(coalesce(a.effective_submitted_at, a.submitted_at))
          filter (where a.score * 100 >= ${passMark} * a.max_score) as completed_at
      from contest_participants p join contest_attempts a on a.participant_id = p.id
      where p.contest_id = ${contestId} and a.status <> 'active'
        and a.score is not null and a.max_score > 0
        ${participantId ? sql`and p.id = ${participantId}` : sql``}
      group by p.id, p.unit_id, p.person_id`,
  );
}

/** Learners and completions per unit directly under the organiser, against its members. */
export async function courseCompletions(
  deps: AppDeps,
  actor: Actor,
  courseId: string,
): Promise<z.infer<typeof CompletionsResponse>> {
  const { course, unit: organiser } = await authorizeCourse(deps, actor, courseId, 'read');
  const learners = course.contestId
    ? await learnersOf(deps.db, course.contestId, course.passMark)
    : [];
  const subtree = await findSubtreeAsOf(deps.db, organiser.path, deps.today());
  const children = subtree.filter((u) => u.parentId === organiser.id);
  const bucketOf = new Map<string, string>();
  for (const u of subtree) {
    const child = children.find((c) => isWithin(u.path, c.path));
    if (child) bucketOf.set(u.id, child.id);
  }
  const items = new Map(
    children.map((c) => [
      c.id,
      {
        unitId: c.id,
        name: c.name,
        learners: 0,
        completed: 0,
        members: 0,
        rate: null as number | null,
      },
    ]),
  );
  for (const l of learners) {
    const item = l.unit_id ? items.get(bucketOf.get(l.unit_id) ?? '') : undefined;
    if (!item) continue;
    item.learners++;
    if (l.completed_at) item.completed++;
  }
  const members = await rows<{ unit_id: string; n: number }>(
    deps.db,
    sql`select unit_id, count(*)::int as n from people where category = 'member' group by unit_id`,
  );
  for (const m of members) {
    const item = items.get(bucketOf.get(m.unit_id) ?? '');
    if (item) item.members += Number(m.n);
  }
  for (const item of items.values()) {
    item.rate = item.members > 0 ? item.completed / item.members : null;
  }
  return {
    passMark: course.passMark,
    total: {
      learners: learners.length,
      completed: learners.filter((l) => l.completed_at).length,
    },
    items: [...items.values()],
  };
}
