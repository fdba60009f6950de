import { z } from 'zod';
import { UNIT_GROUP_KINDS, UNIT_KINDS, WINGS } from '../../../common/enums.ts';
import { LIMITS } from '../../../common/limits.ts';

/** Request and response schemas of the org API (docs/API.md, "Organisation"). Types are inferred. */

export const IsoDate = z.iso.date();
export const SEARCH_LIMIT_MAX = 50;

const code = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.unitCode)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u);
const unitName = z.string().trim().min(1).max(LIMITS.unitName);
const shortName = z.string().trim().min(1).max(LIMITS.shortName);
const reason = z.string().trim().min(1).max(LIMITS.reason);
const address = z.string().trim().max(LIMITS.address).nullable();
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .()-]{6,20}$/)
  .nullable();
const email = z.email().max(254).nullable();

// ---- params and queries ----

export const UnitIdParams = z.object({ id: z.uuid() });
export const AsOfQuery = z.object({ asOf: IsoDate.optional() });
export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(LIMITS.searchQueryMax),
  asOf: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;
export const EventsQuery = z.object({ unitId: z.uuid().optional() });

// ---- unit bodies ----

export const CreateUnitBody = z.strictObject({
  parentId: z.uuid(),
  code,
  name: unitName,
  shortName,
  kind: z.enum(UNIT_KINDS),
  wing: z.enum(WINGS),
  address: address.optional(),
  phone: phone.optional(),
  email: email.optional(),
  effectiveDate: IsoDate,
});
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z
  .strictObject({ address: address.optional(), phone: phone.optional(), email: email.optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'Cần ít nhất một trường để cập nhật.' });
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

// ---- restructuring bodies ----

const TargetUnit = z.strictObject({
  code,
  name: unitName,
  shortName,
  kind: z.enum(UNIT_KINDS),
  wing: z.enum(WINGS),
});

const distinct = (values: string[]) => new Set(values).size === values.length;

export const MergeBody = z.strictObject({
  effectiveDate: IsoDate,
  reason,
  sourceIds: z
    .array(z.uuid())
    .min(2)
    .max(100)
    .refine(distinct, { message: 'Các đơn vị hợp nhất phải khác nhau.' }),
  target: TargetUnit,
  parentId: z.uuid().optional(),
});
export type MergeBody = z.infer<typeof MergeBody>;

export const SplitBody = z.strictObject({
  effectiveDate: IsoDate,
  reason,
  sourceId: z.uuid(),
  targets: z
    .array(
      z.strictObject({
        code,
        name: unitName,
        shortName,
        kind: z.enum(UNIT_KINDS),
        /** Defaults to the source's wing. */
        wing: z.enum(WINGS).optional(),
        childIds: z.array(z.uuid()).max(5000).default([]),
      }),
    )
    .min(2)
    .max(50)
    .refine((ts) => distinct(ts.map((t) => t.code)), {
      message: 'Mã các đơn vị mới phải khác nhau.',
    })
    .refine((ts) => distinct(ts.flatMap((t) => t.childIds)), {
      message: 'Mỗi đơn vị trực thuộc chỉ được giao cho một đơn vị mới.',
    }),
});
export type SplitBody = z.infer<typeof SplitBody>;

export const MoveBody = z.strictObject({
  effectiveDate: IsoDate,
  reason,
  unitId: z.uuid(),
  newParentId: z.uuid(),
});
export type MoveBody = z.infer<typeof MoveBody>;

export const RenameBody = z.strictObject({
  effectiveDate: IsoDate,
  reason,
  unitId: z.uuid(),
  name: unitName,
  shortName,
});
export type RenameBody = z.infer<typeof RenameBody>;

export const CloseBody = z.strictObject({
  effectiveDate: IsoDate,
  reason,
  unitId: z.uuid(),
  successorId: z.uuid().optional(),
});
export type CloseBody = z.infer<typeof CloseBody>;

// ---- unit groups ----

export const CreateGroupBody = z.strictObject({
  code,
  name: unitName,
  kind: z.enum(UNIT_GROUP_KINDS),
});
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;
export const GroupMemberBody = z.strictObject({ unitId: z.uuid() });

// ---- responses ----

export const UnitNode = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  wing: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  childCount: z.number().int(),
  closedOn: z.string().nullable(),
});
export type UnitNode = z.infer<typeof UnitNode>;

export const UnitListResponse = z.object({ items: z.array(UnitNode) });

const AncestorRef = z.object({ id: z.string(), name: z.string() });
export const SearchResponse = z.object({
  items: z.array(UnitNode.extend({ ancestors: z.array(AncestorRef) })),
});

export const UnitDetail = UnitNode.extend({
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  establishedOn: z.string(),
  ancestors: z.array(AncestorRef.extend({ kind: z.string() })),
  groups: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() }),
  ),
  /** Units below this one on the date (the unit itself not counted). */
  subtreeUnitCount: z.number().int(),
  /** People who belong to this unit itself. */
  peopleCount: z.number().int(),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitAbilities = z.object({
  update: z.boolean(),
  restructure: z.boolean(),
  managePeople: z.boolean(),
});
export type UnitAbilities = z.infer<typeof UnitAbilities>;

export const UnitDetailResponse = z.object({ unit: UnitDetail, abilities: UnitAbilities });
export const CreatedUnitResponse = z.object({ unit: UnitDetail });

export const EVENT_UNIT_ROLES = ['source', 'target', 'parent'] as const;
export type EventUnitRole = (typeof EVENT_UNIT_ROLES)[number];

export const RestructureEventView = z.object({
  id: z.string(),
  kind: z.string(),
  effectiveDate: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  units: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      role: z.enum(EVENT_UNIT_ROLES),
    }),
  ),
});
export type RestructureEventView = z.infer<typeof RestructureEventView>;
export const EventResponse = z.object({ event: RestructureEventView });
export const EventListResponse = z.object({ items: z.array(RestructureEventView) });

export const HistoryResponse = z.object({
  versions: z.array(
    z.object({
      validFrom: z.string(),
      validTo: z.string().nullable(),
      name: z.string(),
      shortName: z.string(),
      kind: z.string(),
      parentId: z.string().nullable(),
      parentName: z.string().nullable(),
    }),
  ),
  events: z.array(RestructureEventView),
});
export type HistoryResponse = z.infer<typeof HistoryResponse>;

export const GroupView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  memberCount: z.number().int(),
});
export type GroupView = z.infer<typeof GroupView>;
export const GroupListResponse = z.object({ items: z.array(GroupView) });
export const GroupResponse = z.object({ group: GroupView });
