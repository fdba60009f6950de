import type { Role } from '../../../common/enums.ts';
import { ROLE_RANK } from '../../../common/enums.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { roleOn } from './actor.ts';

/**
 * A module's deny-by-default policy: every action names the least role it needs on the target
 * unit. `Record<Action, Role>` makes a missing rule a compile error.
 */
export type Policy<Action extends string> = {
  can(actor: Actor, action: Action, unitPath: string): boolean;
  /** Throws not_found when the unit is outside the actor's subtrees, forbidden when the role is too weak. */
  authorize(actor: Actor, action: Action, unitPath: string): void;
  abilities(actor: Actor, unitPath: string): Record<Action, boolean>;
};

export function definePolicy<Action extends string>(rules: Record<Action, Role>): Policy<Action> {
  const actions = Object.keys(rules) as Action[];
  const can = (actor: Actor, action: Action, unitPath: string): boolean => {
    const role = roleOn(actor, unitPath);
    return role !== null && ROLE_RANK[role] >= ROLE_RANK[rules[action]];
  };
  return {
    can,
    authorize(actor, action, unitPath) {
      if (roleOn(actor, unitPath) === null) throw new AppError('not_found');
      if (!can(actor, action, unitPath)) throw new AppError('forbidden');
    },
    abilities(actor, unitPath) {
      return Object.fromEntries(actions.map((a) => [a, can(actor, a, unitPath)])) as Record<
        Action,
        boolean
      >;
    },
  };
}
