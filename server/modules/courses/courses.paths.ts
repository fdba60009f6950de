/** Unit look-ups the courses module needs from org, in one place. */
export { findLatestVersion, findSubtreeAsOf } from '../org/index.ts';
export { isWithin } from '../../kernel/auth/actor.ts';
