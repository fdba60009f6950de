import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../common/enums.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { ActorResolver } from '../../kernel/http/authenticate.ts';
import { findUnitsAsOf } from '../org/index.ts';
import { roleGrants, sessions, users } from './identity.table.ts';

export const SESSION_COOKIE = 'px_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session and returns the random token for the cookie; only its hash is stored. */
export async function openSession(db: Db, userId: string, ttlHours: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + ttlHours * 3600_000),
  });
  // Expired sessions of this user are cleared here rather than by a background job.
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
  return token;
}

/**
 * Grants with their units' paths on `asOf`. A grant on a unit that no longer exists (merged,
 * closed) confers nothing: deny by default until an admin grants the successor.
 */
export async function loadGrants(db: Db, userId: string, asOf: string): Promise<Actor['grants']> {
  const rows = await db
    .select({ unitId: roleGrants.unitId, role: roleGrants.role })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
  const found = await findUnitsAsOf(
    db,
    rows.map((r) => r.unitId),
    asOf,
  );
  const pathById = new Map(found.map((u) => [u.id, u.path]));
  return rows.flatMap((r) => {
    const path = pathById.get(r.unitId);
    return path ? [{ unitId: r.unitId, path, role: r.role as Role }] : [];
  });
}

/** Builds the request's actor from the session cookie; null when absent, unknown or expired. */
export function resolveActor(deps: AppDeps): ActorResolver {
  return async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return null;
    const [row] = await deps.db
      .select({ userId: sessions.userId })
      .from(sessions)
      .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
    return row ? loadActor(deps, row.userId) : null;
  };
}

/** The actor for a user id with grants resolved on today's tree; null for a disabled account. */
export async function loadActor(deps: AppDeps, userId: string): Promise<Actor | null> {
  const [user] = await deps.db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isDisabled, false)));
  if (!user) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    grants: await loadGrants(deps.db, user.id, deps.today()),
  };
}
