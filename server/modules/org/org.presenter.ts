import type { Actor } from '../../kernel/auth/actor.ts';
import type {
  EventUnitRole,
  GroupView,
  RestructureEventView,
  UnitAbilities,
  UnitDetail,
  UnitNode,
} from './org.contracts.ts';
import { orgPolicy } from './org.policy.ts';
import type { UnitAsOf } from './org.queries.ts';

/** Presenters whitelist the fields that leave the server; rows are never returned as they are. */

const collator = new Intl.Collator('vi');

/** Orders units by name with the Vietnamese collation (then by code, for a stable order). */
export function sortByName<T extends { name: string; code: string }>(items: T[]): T[] {
  return items.sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
}

export function presentUnitNode(unit: UnitAsOf, childCount: number): UnitNode {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    shortName: unit.shortName,
    kind: unit.kind,
    wing: unit.wing,
    parentId: unit.parentId,
    path: unit.path,
    childCount,
    closedOn: unit.closedOn,
  };
}

export type UnitDetailParts = {
  unit: UnitAsOf;
  attributes: { address: string | null; phone: string | null; email: string | null };
  childCount: number;
  ancestors: { id: string; name: string; kind: string }[];
  groups: { id: string; code: string; name: string; kind: string }[];
  subtreeUnitCount: number;
  peopleCount: number;
};

export function presentUnitDetail(parts: UnitDetailParts): UnitDetail {
  return {
    ...presentUnitNode(parts.unit, parts.childCount),
    address: parts.attributes.address,
    phone: parts.attributes.phone,
    email: parts.attributes.email,
    establishedOn: parts.unit.establishedOn,
    ancestors: parts.ancestors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
    groups: parts.groups.map((g) => ({ id: g.id, code: g.code, name: g.name, kind: g.kind })),
    subtreeUnitCount: parts.subtreeUnitCount,
    peopleCount: parts.peopleCount,
  };
}

/** What the actor may do with the unit at `path`, for the UI (never re-derived client side). */
export function presentAbilities(actor: Actor, path: string): UnitAbilities {
  const all = orgPolicy.abilities(actor, path);
  return { update: all.update, restructure: all.restructure, managePeople: all.managePeople };
}

/** One unit as recorded in an event's payload (code and name as they were at the event). */
export type EventUnit = {
  id: string;
  code: string;
  name: string;
  role: EventUnitRole;
  path: string;
};
export type EventPayload = { units: EventUnit[] } & Record<string, unknown>;

export type EventRow = {
  id: string;
  kind: string;
  effectiveDate: string;
  reason: string;
  payload: unknown;
  createdAt: Date;
};

export function presentEvent(row: EventRow): RestructureEventView {
  const payload = row.payload as EventPayload;
  return {
    id: row.id,
    kind: row.kind,
    effectiveDate: row.effectiveDate,
    reason: row.reason,
    createdAt: new Date(row.createdAt).toISOString(),
    units: payload.units.map((u) => ({ id: u.id, code: u.code, name: u.name, role: u.role })),
  };
}

export function presentGroup(row: GroupView): GroupView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    memberCount: row.memberCount,
  };
}
