import { z } from 'zod';
import { PERSON_CATEGORIES } from '../../../common/enums.ts';
import { TARGET_STATUSES } from '../../../common/planning.ts';
import { IsoDate, PeriodKey, PeriodView, TargetView, Uuid } from './planning.contracts.ts';

/** Schemas of the read side: catalogue, rollups and the dashboard (docs/API.md, "Planning"). */

export const IndicatorView = z.object({
  code: z.string(),
  name: z.string(),
  unitLabel: z.string(),
  measure: z.string(),
  periodType: z.string(),
  aggregation: z.string(),
  accumulation: z.string(),
  source: z.string(),
  byCategory: z.boolean(),
  bySex: z.boolean(),
  numeratorLabel: z.string().nullable(),
  denominatorLabel: z.string().nullable(),
  denominatorIndicator: z.string().nullable(),
  condition: z
    .object({
      indicator: z.string(),
      comparator: z.string(),
      value: z.number(),
      unitKinds: z.array(z.string()),
    })
    .nullable(),
  feed: z
    .array(
      z.object({
        kinds: z.union([z.array(z.string()), z.literal('any')]),
        count: z.string(),
        when: z.string(),
      }),
    )
    .nullable(),
  reference: z.string().nullable(),
});
export type IndicatorView = z.infer<typeof IndicatorView>;
export const IndicatorListResponse = z.object({ items: z.array(IndicatorView) });

export const RollupQuery = z.object({
  unitId: Uuid,
  indicatorCode: z.string().trim().min(1).max(64),
  period: PeriodKey,
  asOf: IsoDate.optional(),
  category: z.enum(PERSON_CATEGORIES).optional(),
});
export type RollupQuery = z.infer<typeof RollupQuery>;

/** A value with its parts: for ratios the sums of numerators and denominators (value = 100·n/d). */
export const ValueParts = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type ValueParts = z.infer<typeof ValueParts>;

const UnitBrief = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
});

export const RollupResponse = z.object({
  unit: UnitBrief,
  indicator: IndicatorView,
  period: PeriodView,
  /** The tree is read as it stood on this date: the period's end, or asOf if earlier. */
  treeDate: z.string(),
  category: z.string().nullable(),
  total: ValueParts,
  byChild: z.array(UnitBrief.extend(ValueParts.shape)),
  byCategory: z.array(ValueParts.extend({ category: z.string().nullable() })),
});
export type RollupResponse = z.infer<typeof RollupResponse>;

export const DashboardQuery = z.object({ unitId: Uuid, asOf: IsoDate.optional() });

const Status = z.enum(TARGET_STATUSES).nullable();

export const DashboardTarget = z.object({
  target: TargetView,
  plan: z.object({ id: z.string(), number: z.string().nullable(), title: z.string() }),
  /** True when the target comes from a plan of a level above that applies to this unit. */
  inherited: z.boolean(),
  treeDate: z.string(),
  actual: ValueParts,
  /** Null when the target is set for the units below rather than this unit itself. */
  status: Status,
  progress: z.number().nullable(),
  /** For targets set for each unit below: how many of them meet it. */
  unitsMeeting: z.object({ met: z.number().int(), total: z.number().int() }).nullable(),
  children: z.array(
    UnitBrief.extend({ ...ValueParts.shape, status: Status, progress: z.number().nullable() }),
  ),
});
export type DashboardTarget = z.infer<typeof DashboardTarget>;

export const LateTask = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  description: z.string(),
  leadUnit: z.object({ id: z.string(), name: z.string() }),
  deadline: z.object({ key: z.string(), label: z.string(), dueDate: z.string().nullable() }),
  status: z.string(),
  daysLate: z.number().int(),
});
export type LateTask = z.infer<typeof LateTask>;

export const DashboardResponse = z.object({
  unit: UnitBrief,
  asOf: z.string(),
  targets: z.array(DashboardTarget),
  lateTasks: z.array(LateTask),
  abilities: z.object({
    recordActivity: z.boolean(),
    recordValue: z.boolean(),
    managePlans: z.boolean(),
  }),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
