/** The org module's public surface; other modules import only from here. */
export {
  units,
  unitVersions,
  restructureEvents,
  unitGroups,
  unitGroupMembers,
} from './org.table.ts';
export type { UnitAsOf } from './org.queries.ts';
export {
  findUnitAsOf,
  findUnitsAsOf,
  findUnitsByCodesAsOf,
  findLatestVersion,
  inSubtree,
  versionHoldsOn,
} from './org.queries.ts';
export { orgRoutes } from './org.routes.ts';

// Commands, for scripts (demo seed, imports) as well as the API: pass SYSTEM or asUser(actor).
export type { Performer, OrgAction } from './org.policy.ts';
export { SYSTEM, asUser, orgPolicy } from './org.policy.ts';
export type { CreateUnitInput } from './unit.service.ts';
export { createUnit } from './unit.service.ts';
export type { MergeInput, RestructureResult } from './restructure/merge.ts';
export { mergeUnits } from './restructure/merge.ts';
export type { SplitInput } from './restructure/split.ts';
export { splitUnit } from './restructure/split.ts';
export type { MoveInput } from './restructure/move.ts';
export { moveUnit } from './restructure/move.ts';
export type { RenameInput } from './restructure/rename.ts';
export { renameUnit } from './restructure/rename.ts';
export type { CloseInput } from './restructure/close.ts';
export { closeUnit } from './restructure/close.ts';
export { createGroup, addGroupMember } from './group.service.ts';

// Tree reads on a date, for reporting and benchmarks.
export {
  countSubtreeUnits,
  findSubtreeAsOf,
  findChildrenAsOf,
  findAncestorsAsOf,
  searchUnitsAsOf,
} from './tree.queries.ts';
export { actorOnDate } from './org.scope.ts';

// The province of a unit, stamped on people for province-first search (decision 0009).
export { findProvinceIds, provinceOfPathSql, scopeProvinceIds } from './province.ts';
