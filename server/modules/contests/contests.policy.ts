import { definePolicy } from '../../kernel/auth/policy.ts';

export type ContestAction = 'read' | 'write' | 'publish' | 'close';

/**
 * Least role on the organiser unit (its subtree's grants cover it). Deny by default: a unit
 * outside the actor's grants is 404, a viewer who tries to write is 403.
 */
export const contestPolicy = definePolicy<ContestAction>({
  read: 'viewer',
  write: 'editor',
  publish: 'editor',
  close: 'editor',
});
