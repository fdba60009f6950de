/** The org module's public surface; other modules import only from here. */
export { units, unitVersions, restructureEvents, unitGroups, unitGroupMembers } from './org.table.ts';
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
