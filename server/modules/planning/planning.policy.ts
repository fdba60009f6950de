import type { Actor } from '../../kernel/auth/actor.ts';
import { isWithin, roleOn } from '../../kernel/auth/actor.ts';
import { definePolicy } from '../../kernel/auth/policy.ts';
import type { PlanStatus } from '../../../common/planning.ts';

/**
 * What can be done in planning, and the least role it takes on the unit concerned: a plan's
 * issuing unit, an activity's or a value's unit, a task's lead unit. Viewers read; editors record
 * activities, values and task progress in their subtree; admins write and issue their unit's
 * plans and targets.
 */
export type PlanningAction =
  'view' | 'recordActivity' | 'recordValue' | 'manageTasks' | 'reportTaskProgress' | 'managePlans';

export const planningPolicy = definePolicy<PlanningAction>({
  view: 'viewer',
  recordActivity: 'editor',
  recordValue: 'editor',
  manageTasks: 'editor',
  reportTaskProgress: 'editor',
  managePlans: 'admin',
});

/**
 * A plan is readable by anyone who can see its issuing unit, and — once issued — by anyone who
 * works in a unit below it: subordinate units receive the plans of the levels above to
 * implement them. Drafts stay with the issuing unit's subtree.
 */
export function canReadPlan(actor: Actor, issuerPath: string, status: PlanStatus): boolean {
  if (roleOn(actor, issuerPath) !== null) return true;
  return status !== 'draft' && actor.grants.some((g) => isWithin(g.path, issuerPath));
}
