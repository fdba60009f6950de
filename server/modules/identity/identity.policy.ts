import { definePolicy } from '../../kernel/auth/policy.ts';

/** Account management: only admins of a unit manage the accounts granted on its subtree. */
export const identityPolicy = definePolicy<'listUsers' | 'grantRole'>({
  listUsers: 'admin',
  grantRole: 'admin',
});
