import { useQueries } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import type { PlanDetail, TargetView } from './planning.types.ts';

/** The targets of the plans a plan implements, by id (to show what the level above set). */
export function useParentTargets(plan: PlanDetail['plan']): Map<string, TargetView> {
  const results = useQueries({
    queries: plan.implements.map((parent) => ({
      queryKey: queryKeys.planning.plan(parent.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<PlanDetail>(`/planning/plans/${parent.id}`, undefined, signal),
    })),
  });
  const map = new Map<string, TargetView>();
  for (const result of results) {
    for (const target of result.data?.targets ?? []) map.set(target.id, target);
  }
  return map;
}
