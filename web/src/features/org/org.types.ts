/**
 * Shapes of the org module's responses (docs/API.md). When the server's zod contracts land,
 * replace these with `import type` of the inferred types.
 */
import type { RestructureKind, UnitGroupKind, UnitKind, Wing } from '../../../../common/enums.ts';

export type UnitNode = {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  wing: Wing;
  parentId: string | null;
  path: string;
  childCount: number;
  closedOn: string | null;
};

export type UnitRef = { id: string; name: string };

export type UnitSearchItem = UnitNode & { ancestors: UnitRef[] };

export type UnitDetail = UnitNode & {
  address: string | null;
  phone: string | null;
  email: string | null;
  establishedOn: string;
  ancestors: (UnitRef & { kind: UnitKind })[];
  groups: { id: string; code: string; name: string; kind: UnitGroupKind }[];
  subtreeUnitCount: number;
  peopleCount: number;
};

export type UnitAbilities = { update: boolean; restructure: boolean; managePeople: boolean };

export type UnitResponse = { unit: UnitDetail; abilities: UnitAbilities };

export type ItemsResponse<T> = { items: T[] };

export type UnitVersion = {
  validFrom: string;
  validTo: string | null;
  name: string;
  shortName: string;
  kind: UnitKind;
  parentId: string | null;
  parentName: string | null;
};

export type RestructureRole = 'source' | 'target' | 'parent';

export type RestructureEvent = {
  id: string;
  kind: RestructureKind;
  effectiveDate: string;
  reason: string;
  createdAt: string;
  units: { id: string; code: string; name: string; role: RestructureRole }[];
};

export type UnitHistory = { versions: UnitVersion[]; events: RestructureEvent[] };

export type NewUnitIdentity = {
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  wing: Wing;
};

export type CreateUnitBody = NewUnitIdentity & {
  parentId: string;
  address?: string;
  phone?: string;
  email?: string;
  effectiveDate: string;
};

export type UpdateUnitBody = {
  address?: string | null;
  phone?: string | null;
  email?: string | null;
};

type Dated = { effectiveDate: string; reason: string };

/** Request bodies of POST /restructure/<kind>. */
export type RestructureBodies = {
  merge: Dated & { sourceIds: string[]; target: NewUnitIdentity; parentId?: string };
  split: Dated & {
    sourceId: string;
    targets: {
      code: string;
      name: string;
      shortName: string;
      kind: UnitKind;
      childIds: string[];
    }[];
  };
  move: Dated & { unitId: string; newParentId: string };
  rename: Dated & { unitId: string; name: string; shortName: string };
  close: Dated & { unitId: string; successorId?: string };
};

export type RestructureAction = keyof RestructureBodies;
