import { definePolicy } from '../../kernel/auth/policy.ts';

export type CourseAction = 'read' | 'write' | 'publish';

/**
 * Least role on the organiser unit (its subtree's grants cover it). Deny by default: a unit
 * outside the actor's grants is 404, a viewer who tries to write is 403.
 */
export const coursePolicy = definePolicy<CourseAction>({
  read: 'viewer',
  write: 'editor',
  publish: 'editor',
});
