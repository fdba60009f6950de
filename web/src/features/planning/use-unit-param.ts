import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { Role } from '../../../../common/enums.ts';
import { ROLE_RANK } from '../../../../common/enums.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useUnit } from '../org/org.api.ts';

/** URL parameter holding the unit a planning or reporting page looks at: ?donVi=<id>. */
export const UNIT_PARAM = 'donVi';

/**
 * The unit the page is about: the one in the URL, else the unit of the user's first grant (most
 * cadres hold one). Kept in the URL so that links and reloads keep it.
 */
export function useUnitParam() {
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const unitId = params.get(UNIT_PARAM) || user?.grants[0]?.unitId || null;
  const setUnitId = useCallback(
    (id: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id) next.set(UNIT_PARAM, id);
          else next.delete(UNIT_PARAM);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { unitId, setUnitId };
}

/**
 * The user's strongest role on a unit: grants on the unit or any of its ancestors. Only to show
 * or hide buttons; the server decides.
 */
export function useRoleOn(unitId: string | null): Role | null {
  const user = useCurrentUser();
  const unit = useUnit(unitId ?? '', todayInVietnam(), Boolean(unitId));
  if (!user || !unitId) return null;
  const ids = new Set([unitId, ...(unit.data?.unit.ancestors.map((a) => a.id) ?? [])]);
  let best: Role | null = null;
  for (const grant of user.grants) {
    if (ids.has(grant.unitId) && (!best || ROLE_RANK[grant.role] > ROLE_RANK[best])) {
      best = grant.role;
    }
  }
  return best;
}

export function atLeast(role: Role | null, wanted: Role): boolean {
  return role !== null && ROLE_RANK[role] >= ROLE_RANK[wanted];
}
