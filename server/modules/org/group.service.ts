import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { withinActorScope } from '../../kernel/auth/scope-sql.ts';
import type { Db } from '../../kernel/db/client.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { CreateGroupBody, GroupView } from './org.contracts.ts';
import type { Performer } from './org.policy.ts';
import { authorizeAll, performerId } from './org.policy.ts';
import { presentGroup } from './org.presenter.ts';
import { versionHoldsOn } from './org.queries.ts';
import { unitGroupMembers, unitGroups, unitVersions } from './org.table.ts';
import { loadUnitOnDate } from './restructure/checks.ts';
import { isUniqueViolation } from './restructure/steps.ts';

/**
 * Unit groups (schools, agencies…) sit outside the tree. The list of groups is shared by everyone
 * signed in; member counts only count units in the actor's subtrees.
 */

export async function listGroups(db: Db, actor: Actor, today: string): Promise<GroupView[]> {
  const rows = await db
    .select({
      id: unitGroups.id,
      code: unitGroups.code,
      name: unitGroups.name,
      kind: unitGroups.kind,
      memberCount: sql<number>`count(${unitVersions.id})::int`,
    })
    .from(unitGroups)
    .leftJoin(unitGroupMembers, eq(unitGroupMembers.groupId, unitGroups.id))
    .leftJoin(
      unitVersions,
      and(
        eq(unitVersions.unitId, unitGroupMembers.unitId),
        versionHoldsOn(today),
        withinActorScope(actor, unitVersions.path),
      ),
    )
    .groupBy(unitGroups.id)
    .orderBy(asc(unitGroups.name));
  return rows.map((r) => presentGroup({ ...r, memberCount: Number(r.memberCount) }));
}

/** Creating a group takes admin on some unit (groups are a shared vocabulary). */
export async function createGroup(
  db: Db,
  performer: Performer,
  input: CreateGroupBody,
): Promise<GroupView> {
  if (performer.kind === 'user' && !performer.actor.grants.some((g) => g.role === 'admin')) {
    throw new AppError('forbidden');
  }
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: unitGroups.id })
      .from(unitGroups)
      .where(eq(unitGroups.code, input.code));
    if (taken)
      throw new AppError('conflict', `Mã nhóm đơn vị "${input.code}" đã tồn tại.`, {
        field: 'code',
      });
    const [row] = await tx
      .insert(unitGroups)
      .values({ code: input.code, name: input.name, kind: input.kind })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new AppError('conflict', `Mã nhóm đơn vị "${input.code}" đã tồn tại.`, {
            field: 'code',
          });
        throw error;
      });
    await recordAudit(tx, {
      actorId: performerId(performer),
      action: 'unit_group.create',
      entity: 'unit_group',
      entityId: row!.id,
      after: row,
    });
    return presentGroup({ ...row!, memberCount: 0 });
  });
}

/** Adds a unit (existing today) to a group; editor on the unit. Adding it twice changes nothing. */
export async function addGroupMember(
  db: Db,
  performer: Performer,
  groupId: string,
  unitId: string,
  today: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const unit = await loadUnitOnDate(tx, performer, unitId, today);
    authorizeAll(performer, 'update', [unit.path]);
    const [group] = await tx
      .select({ id: unitGroups.id })
      .from(unitGroups)
      .where(eq(unitGroups.id, groupId));
    if (!group) throw new AppError('not_found', 'Không tìm thấy nhóm đơn vị.');
    const inserted = await tx
      .insert(unitGroupMembers)
      .values({ groupId, unitId })
      .onConflictDoNothing()
      .returning({ groupId: unitGroupMembers.groupId });
    if (inserted.length === 0) return;
    await recordAudit(tx, {
      actorId: performerId(performer),
      action: 'unit_group.add_member',
      entity: 'unit_group',
      entityId: groupId,
      unitId,
      after: { groupId, unitId },
    });
  });
}
