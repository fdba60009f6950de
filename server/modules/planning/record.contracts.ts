import { z } from 'zod';
import { GENDERS, PERSON_CATEGORIES } from '../../../common/enums.ts';
import { ACTIVITY_KINDS, PLANNING_LIMITS as L } from '../../../common/planning.ts';
import { EvidenceLinks, IsoDate, PeriodKey, PeriodView, Uuid } from './planning.contracts.ts';

/** Schemas of what units record: activities and indicator values (docs/API.md, "Planning"). */

const distinct = (values: string[]) => new Set(values).size === values.length;

export const ParticipantGroup = z.strictObject({
  category: z.enum(PERSON_CATEGORIES),
  sex: z.enum(GENDERS).nullable().optional(),
  count: z.number().int().min(0).max(L.participantCountMax),
});

const participants = z
  .array(ParticipantGroup)
  .max(L.participantGroups)
  .refine((groups) => distinct(groups.map((g) => `${g.category}/${g.sex ?? ''}`)), {
    message: 'Mỗi nhóm người tham gia (đối tượng, giới tính) chỉ khai một lần.',
  });

const indicatorCodes = z
  .array(z.string().trim().min(1).max(64))
  .max(L.activityIndicators)
  .refine(distinct, { message: 'Các chỉ tiêu phải khác nhau.' });

export const CreateActivityBody = z.strictObject({
  unitId: Uuid,
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string().trim().min(1).max(L.activityTitle),
  occurredOn: IsoDate,
  participants: participants.default([]),
  evidenceLinks: EvidenceLinks.default([]),
  /** Thematic indicators the activity serves (e.g. marxism_activities). */
  indicatorCodes: indicatorCodes.default([]),
  note: z.string().trim().max(L.activityNote).nullable().optional(),
});
export type CreateActivityBody = z.infer<typeof CreateActivityBody>;

export const UpdateActivityBody = z
  .strictObject({
    kind: z.enum(ACTIVITY_KINDS).optional(),
    title: z.string().trim().min(1).max(L.activityTitle).optional(),
    occurredOn: IsoDate.optional(),
    participants: participants.optional(),
    evidenceLinks: EvidenceLinks.optional(),
    indicatorCodes: indicatorCodes.optional(),
    note: z.string().trim().max(L.activityNote).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Cần ít nhất một trường để cập nhật.' });
export type UpdateActivityBody = z.infer<typeof UpdateActivityBody>;

export const ActivityIdParams = z.object({ id: Uuid });
export const ActivityListQuery = z.object({
  unitId: Uuid,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;

export const ValueEntry = z.strictObject({
  category: z.enum(PERSON_CATEGORIES).nullable().optional(),
  sex: z.enum(GENDERS).nullable().optional(),
  value: z.number().min(0).max(1e12),
  denominator: z.number().min(0).max(1e12).nullable().optional(),
});

/** Replaces the unit's direct entries for one indicator and period (an empty list clears them). */
export const PutValuesBody = z.strictObject({
  unitId: Uuid,
  indicatorCode: z.string().trim().min(1).max(64),
  period: PeriodKey,
  entries: z
    .array(ValueEntry)
    .max(L.valueEntries)
    .refine((es) => distinct(es.map((e) => `${e.category ?? ''}/${e.sex ?? ''}`)), {
      message: 'Mỗi nhóm (đối tượng, giới tính) chỉ nhập một lần.',
    }),
});
export type PutValuesBody = z.infer<typeof PutValuesBody>;

export const ValuesQuery = z.object({
  unitId: Uuid,
  indicatorCode: z.string().trim().min(1).max(64).optional(),
  period: PeriodKey.optional(),
});
export type ValuesQuery = z.infer<typeof ValuesQuery>;

// ---- responses ----

export const ActivityView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  occurredOn: z.string(),
  participants: z.array(
    z.object({ category: z.string(), sex: z.string().nullable(), count: z.number() }),
  ),
  participantTotal: z.number(),
  evidenceLinks: z.array(z.string()),
  indicatorCodes: z.array(z.string()),
  note: z.string().nullable(),
  /** What the activity counts towards. */
  feeds: z.array(z.object({ indicatorCode: z.string(), value: z.number() })),
  createdAt: z.string(),
  abilities: z.object({ edit: z.boolean() }),
});
export type ActivityView = z.infer<typeof ActivityView>;
export const ActivityResponse = z.object({ activity: ActivityView });
export const ActivityListResponse = z.object({
  items: z.array(ActivityView),
  page: z.number().int(),
  pageSize: z.number().int(),
  hasMore: z.boolean(),
});

export const ValueView = z.object({
  indicatorCode: z.string(),
  period: PeriodView,
  category: z.string().nullable(),
  sex: z.string().nullable(),
  value: z.number(),
  denominator: z.number().nullable(),
  enteredAt: z.string(),
});
export type ValueView = z.infer<typeof ValueView>;
export const ValuesResponse = z.object({ unitId: z.string(), items: z.array(ValueView) });
