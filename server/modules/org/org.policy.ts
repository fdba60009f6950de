import type { Actor } from '../../kernel/auth/actor.ts';
import { roleOn } from '../../kernel/auth/actor.ts';
import { definePolicy } from '../../kernel/auth/policy.ts';
import { AppError } from '../../kernel/http/errors.ts';

/**
 * What can be done to a unit, and the least role it takes on that unit's path. A role on a unit
 * covers its whole subtree. `create` is checked on the new unit's parent; `restructure` on every
 * unit a restructuring touches (sources, targets' parent, successor, new parent).
 */
export type OrgAction = 'view' | 'update' | 'managePeople' | 'create' | 'restructure';

export const orgPolicy = definePolicy<OrgAction>({
  view: 'viewer',
  update: 'editor',
  managePeople: 'editor',
  create: 'admin',
  restructure: 'admin',
});

/**
 * Who performs a command. A `user` is checked against the policy; `system` is a trusted script
 * (the demo seed, a national import) that runs the same command code without an HTTP actor.
 * Routes only ever build the `user` form from the authenticated request.
 */
export type Performer = { kind: 'user'; actor: Actor } | { kind: 'system' };

export const SYSTEM: Performer = { kind: 'system' };

export function asUser(actor: Actor): Performer {
  return { kind: 'user', actor };
}

/** The id written to audit_log.actor_id and restructure_events.created_by (null for scripts). */
export function performerId(performer: Performer): string | null {
  return performer.kind === 'user' ? performer.actor.userId : null;
}

/**
 * Authorises one action on several units at once. Any unit outside the actor's subtrees makes
 * the whole request 404 (checked first, so a weak role never reveals that a unit exists);
 * then any unit where the role is too weak makes it 403.
 */
export function authorizeAll(performer: Performer, action: OrgAction, paths: string[]): void {
  if (performer.kind === 'system') return;
  const { actor } = performer;
  if (paths.some((path) => roleOn(actor, path) === null)) throw new AppError('not_found');
  if (paths.some((path) => !orgPolicy.can(actor, action, path))) throw new AppError('forbidden');
}

/** True when the performer may at least see a unit at `path`. */
export function canSee(performer: Performer, path: string): boolean {
  return performer.kind === 'system' || roleOn(performer.actor, path) !== null;
}
