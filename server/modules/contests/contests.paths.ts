/** Unit look-ups the contest module needs from org, in one place. */
export { findAncestorsAsOf, findLatestVersion, inSubtree, searchUnitsAsOf } from '../org/index.ts';
export { isWithin as isWithinPath } from '../../kernel/auth/actor.ts';
