import { definePolicy } from '../../kernel/auth/policy.ts';

export type CertificateAction = 'issue' | 'download';

/**
 * Least role on the issuing unit. Editors issue (through the contests and courses modules, which
 * call `certificatePolicy.authorize` for their actor) and download any of their unit's
 * certificates; holders download their own with the token of their link, without an account.
 */
export const certificatePolicy = definePolicy<CertificateAction>({
  issue: 'editor',
  download: 'editor',
});
