import type { Role } from '../../../common/enums.ts';
import { ROLE_RANK } from '../../../common/enums.ts';

/** A role held on a unit, with that unit's current tree path (covers the whole subtree). */
export type Grant = { unitId: string; path: string; role: Role };

/** The authenticated caller. Built once per request by the identity module. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  grants: Grant[];
};

export function isWithin(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(ancestorPath + '.');
}

/** The strongest role the actor holds over a unit at `path`, or null when it is outside every grant. */
export function roleOn(actor: Actor, path: string): Role | null {
  let best: Role | null = null;
  for (const grant of actor.grants) {
    if (isWithin(path, grant.path) && (!best || ROLE_RANK[grant.role] > ROLE_RANK[best])) {
      best = grant.role;
    }
  }
  return best;
}

/** Root paths the actor can see, without nested duplicates (for SQL scoping). */
export function scopeRoots(actor: Actor): string[] {
  const paths = [...new Set(actor.grants.map((g) => g.path))].sort((a, b) => a.length - b.length);
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => isWithin(p, q)));
}
