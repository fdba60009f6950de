import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Role } from '../../../common/enums.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import {
  findUnitAsOf,
  findUnitsAsOf,
  inSubtree,
  unitVersions,
  versionHoldsOn,
} from '../org/index.ts';
import type { ChangePasswordBody, CreateUserBody, LoginBody } from './identity.contracts.ts';
import { identityPolicy } from './identity.policy.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashToken, openSession } from './session.service.ts';
import { roleGrants, sessions, users } from './identity.table.ts';

export type GrantView = { unitId: string; unitCode: string; unitName: string; role: Role };
export type UserView = {
  id: string;
  username: string;
  displayName: string;
  isDisabled: boolean;
  grants: GrantView[];
};

/** Checks credentials and opens a session. The same error for unknown user and wrong password. */
export async function login(
  deps: AppDeps,
  body: LoginBody,
): Promise<{ token: string; userId: string }> {
  const [user] = await deps.db
    .select()
    .from(users)
    .where(eq(users.username, body.username.toLowerCase()));
  const valid = await verifyPassword(user?.passwordHash ?? null, body.password);
  if (!user || !valid || user.isDisabled) throw new AppError('invalid_credentials');
  const token = await openSession(deps.db, user.id, deps.config.sessionTtlHours);
  return { token, userId: user.id };
}

export async function logout(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

async function describeGrants(db: Db, grants: { unitId: string; role: Role }[], asOf: string) {
  const found = await findUnitsAsOf(
    db,
    grants.map((g) => g.unitId),
    asOf,
  );
  const byId = new Map(found.map((u) => [u.id, u]));
  return grants.flatMap((g): GrantView[] => {
    const unit = byId.get(g.unitId);
    return unit
      ? [{ unitId: g.unitId, unitCode: unit.code, unitName: unit.name, role: g.role }]
      : [];
  });
}

export async function describeActor(deps: AppDeps, actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    grants: await describeGrants(deps.db, actor.grants, deps.today()),
  };
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(
  deps: AppDeps,
  actor: Actor,
  currentToken: string,
  body: ChangePasswordBody,
): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw new AppError('validation_failed', 'Mật khẩu hiện tại không đúng.', [
      { field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  }
  if (body.newPassword === body.currentPassword) {
    throw new AppError('validation_failed', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
  }
  const passwordHash = await hashPassword(body.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date() })
      .where(eq(users.id, user.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, hashToken(currentToken))));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.password_change',
      entity: 'user',
      entityId: user.id,
    });
  });
}

/** Resolves a unit for account management: 404 outside the actor's subtrees, 403 without admin. */
async function authorizeOnUnit(deps: AppDeps, actor: Actor, unitId: string) {
  const unit = await findUnitAsOf(deps.db, unitId, deps.today());
  if (!unit) throw new AppError('not_found', 'Không tìm thấy đơn vị.');
  identityPolicy.authorize(actor, 'grantRole', unit.path);
  return unit;
}

export async function createUser(
  deps: AppDeps,
  actor: Actor,
  body: CreateUserBody,
): Promise<UserView> {
  for (const grant of body.grants) await authorizeOnUnit(deps, actor, grant.unitId);
  const userId = await createAccount(deps.db, body, actor.userId);
  const [view] = await loadUserViews(deps, [userId]);
  return view!;
}

/**
 * Creates an account with its grants, without authorisation: for createUser above (after its
 * checks) and for scripts (demo seed, create-admin) where actorId is null.
 */
export async function createAccount(
  db: Db,
  input: CreateUserBody,
  actorId: string | null,
): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  const username = input.username.toLowerCase();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, username));
    if (existing) throw new AppError('conflict', 'Tên đăng nhập đã được sử dụng.');
    const [created] = await tx
      .insert(users)
      .values({ username, displayName: input.displayName, passwordHash })
      .returning({ id: users.id });
    const grants = [...new Map(input.grants.map((g) => [g.unitId, g])).values()];
    await tx.insert(roleGrants).values(grants.map((g) => ({ userId: created!.id, ...g })));
    await recordAudit(tx, {
      actorId,
      action: 'user.create',
      entity: 'user',
      entityId: created!.id,
      unitId: grants[0]!.unitId,
      after: { username, displayName: input.displayName, grants },
    });
    return created!.id;
  });
}

/** Accounts holding a grant inside the subtree of a unit the actor administers. */
export async function listUsers(deps: AppDeps, actor: Actor, unitId: string): Promise<UserView[]> {
  const unit = await findUnitAsOf(deps.db, unitId, deps.today());
  if (!unit) throw new AppError('not_found', 'Không tìm thấy đơn vị.');
  identityPolicy.authorize(actor, 'listUsers', unit.path);
  const rows = await deps.db
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(unitVersions, eq(unitVersions.unitId, roleGrants.unitId))
    .where(and(versionHoldsOn(deps.today()), inSubtree(unit.path)));
  return loadUserViews(
    deps,
    rows.map((r) => r.userId),
  );
}

async function loadUserViews(deps: AppDeps, userIds: string[]): Promise<UserView[]> {
  if (userIds.length === 0) return [];
  const rows = await deps.db.select().from(users).where(inArray(users.id, userIds));
  const grants = await deps.db.select().from(roleGrants).where(inArray(roleGrants.userId, userIds));
  // One lookup of every granted unit for all users, not one per user.
  const unitsById = new Map(
    (await findUnitsAsOf(deps.db, [...new Set(grants.map((g) => g.unitId))], deps.today())).map(
      (u) => [u.id, u],
    ),
  );
  const views = rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    isDisabled: u.isDisabled,
    grants: grants.flatMap((g): GrantView[] => {
      const unit = g.userId === u.id ? unitsById.get(g.unitId) : undefined;
      return unit
        ? [{ unitId: g.unitId, unitCode: unit.code, unitName: unit.name, role: g.role as Role }]
        : [];
    }),
  }));
  return views.sort((a, b) => a.username.localeCompare(b.username));
}
