import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { findSubtreeAsOf } from '../org/index.ts';
import { awardUnitPrizes, tallyUnitParticipation } from './domain/unit-prizes.ts';
import { authorizeContest } from './contest.service.ts';
import type { ParticipationQuery, ParticipationResponse } from './contests.contracts.ts';
import { findLatestVersion, isWithinPath } from './contests.paths.ts';

type Counts = { unit_id: string; n: number };

async function countsBy(deps: AppDeps, query: ReturnType<typeof sql>): Promise<Counts[]> {
  const result: unknown = await deps.db.execute(query);
  return (result as { rows: Counts[] }).rows;
}

/**
 * Participation per unit directly under the organiser — participants (people who finished an
 * attempt, counted under the unit they registered with or their member record's unit) ÷ members
 * of the unit's subtree in the people module — and the two unit prizes under `rules`: most
 * participants, highest participation rate among units of at least `minMembers` members.
 */
export async function contestParticipation(
  deps: AppDeps,
  actor: Actor,
  contestId: string,
  rules: z.infer<typeof ParticipationQuery>,
): Promise<z.infer<typeof ParticipationResponse>> {
  const contest = await authorizeContest(deps, actor, contestId, 'read');
  const organiser = await findLatestVersion(deps.db, contest.unitId);
  if (!organiser) return { items: [], rules };
  const subtree = await findSubtreeAsOf(deps.db, organiser.path, deps.today());
  const children = subtree.filter((u) => u.parentId === organiser.id);
  const bucketOf = new Map<string, string>();
  for (const unit of subtree) {
    const child = children.find((c) => isWithinPath(unit.path, c.path));
    if (child) bucketOf.set(unit.id, child.id);
  }
  const participants = await countsBy(
    deps,
    sql`select p.unit_id, count(*)::int as n from contest_participants p
        where p.contest_id = ${contestId} and p.unit_id is not null
          and exists (select 1 from contest_attempts a where a.participant_id = p.id and a.status <> 'active')
        group by p.unit_id`,
  );
  const members = await countsBy(
    deps,
    sql`select unit_id, count(*)::int as n from people where category = 'member' group by unit_id`,
  );
  const memberCount = new Map<string, number>(children.map((c) => [c.id, 0]));
  for (const row of members) {
    const bucket = bucketOf.get(row.unit_id);
    if (bucket) memberCount.set(bucket, (memberCount.get(bucket) ?? 0) + Number(row.n));
  }
  const units: (string | null)[] = [];
  for (const row of participants) {
    const bucket = bucketOf.get(row.unit_id) ?? null;
    for (let i = 0; i < Number(row.n); i++) units.push(bucket);
  }
  const names = new Map(children.map((c) => [c.id, c.name]));
  const tally = tallyUnitParticipation(units, memberCount);
  const prizes = awardUnitPrizes(tally, rules);
  const placeIn = (winners: { unitId: string }[], unitId: string) => {
    const index = winners.findIndex((w) => w.unitId === unitId);
    return index < 0 ? null : index + 1;
  };
  return {
    items: tally.map((row) => ({
      unitId: row.unitId,
      name: names.get(row.unitId) ?? '',
      participants: row.participants,
      members: row.members ?? 0,
      rate: row.rate,
      prizes: {
        mostParticipants: placeIn(prizes.mostParticipants, row.unitId),
        highestRate: placeIn(prizes.highestRate, row.unitId),
      },
    })),
    rules,
  };
}
