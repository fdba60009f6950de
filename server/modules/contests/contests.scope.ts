import type { Actor } from '../../kernel/auth/actor.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { UnitAsOf } from '../org/index.ts';
import { findLatestVersion } from '../org/index.ts';
import type { ContestAction } from './contests.policy.ts';
import { contestPolicy } from './contests.policy.ts';

/** The unit (its latest shape) after authorising `action` on it; 404 when missing or outside. */
export async function authorizeOnUnit(
  deps: AppDeps,
  actor: Actor,
  unitId: string,
  action: ContestAction,
): Promise<UnitAsOf> {
  const unit = await findLatestVersion(deps.db, unitId);
  if (!unit) throw new AppError('not_found');
  contestPolicy.authorize(actor, action, unit.path);
  return unit;
}
