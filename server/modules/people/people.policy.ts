import { definePolicy } from '../../kernel/auth/policy.ts';

export type PersonAction = 'view' | 'create' | 'update' | 'import';

/** Least role on the person's unit (or the target unit) for each action. Deny by default. */
export const peoplePolicy = definePolicy<PersonAction>({
  view: 'viewer',
  create: 'editor',
  update: 'editor',
  import: 'editor',
});
