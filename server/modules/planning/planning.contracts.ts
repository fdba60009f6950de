import { z } from 'zod';
import { PERSON_CATEGORIES, UNIT_KINDS } from '../../../common/enums.ts';
import { MAX_YEAR, MIN_YEAR, parseDeadline, parsePeriodKey } from '../../../common/period.ts';
import {
  COMPARATORS,
  PLAN_BLOCK_TYPES,
  PLAN_KINDS,
  PLAN_STATUSES,
  PLANNING_LIMITS as L,
  TARGET_SCOPES,
  TASK_STATUSES,
} from '../../../common/planning.ts';

/** Schemas of the plans, targets and tasks API (docs/API.md, "Planning"). Types are inferred. */

export const IsoDate = z.iso.date();
export const Uuid = z.uuid();
const distinct = (values: string[]) => new Set(values).size === values.length;

/** A period key ('2023', '2023-Q2', '2022-2027', …; common/period.ts). */
export const PeriodKey = z
  .string()
  .trim()
  .max(20)
  .refine((key) => parsePeriodKey(key) !== null, { message: 'Kỳ không hợp lệ.' });

// Control characters (C0, DEL and C1) in inline text become spaces.
const CONTROL = /\p{Cc}/gu;

/** Inline text of a plan: control characters become spaces, Unicode is normalised (NFC). */
const cleanText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.normalize('NFC').replace(CONTROL, ' '))
    .refine((s) => s.trim().length > 0, { message: 'Không được để trống.' });

export const PlanRun = z.strictObject({
  text: cleanText(L.planRunText),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
export const PlanBlock = z.strictObject({
  type: z.enum(PLAN_BLOCK_TYPES),
  runs: z.array(PlanRun).min(1).max(L.planRunsPerBlock),
});
const Section = z.array(PlanBlock).max(L.planBlocksPerSection);
export const PlanBody = z.strictObject({
  purpose: Section.default([]),
  content: Section.default([]),
  organisation: Section.default([]),
});
export type PlanBody = z.infer<typeof PlanBody>;

const planNumber = z
  .string()
  .trim()
  .min(1)
  .max(L.planNumber)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./–-]*$/u);
const title = z.string().trim().min(1).max(L.planTitle);
const year = z.number().int().min(MIN_YEAR).max(MAX_YEAR);

export const PlanIdParams = z.object({ id: Uuid });
export const UnitQuery = z.object({ unitId: Uuid });
export const PlanListQuery = z.object({ unitId: Uuid, status: z.enum(PLAN_STATUSES).optional() });

export const CreatePlanBody = z
  .strictObject({
    unitId: Uuid,
    kind: z.enum(PLAN_KINDS).default('plan'),
    number: planNumber.nullable().optional(),
    title,
    issueDate: IsoDate.nullable().optional(),
    periodStart: year,
    periodEnd: year,
    /** Plans of the levels above that this plan implements ("căn cứ kế hoạch cấp trên"). */
    implements: z
      .array(Uuid)
      .max(L.parentPlans)
      .refine(distinct, { message: 'Các kế hoạch cấp trên phải khác nhau.' })
      .default([]),
    /** Copy the implemented plans' targets (as derived targets) and tasks. */
    prefill: z.boolean().default(false),
    body: PlanBody.optional(),
  })
  .refine((b) => b.periodEnd >= b.periodStart, {
    message: 'Năm kết thúc phải không trước năm bắt đầu.',
    path: ['periodEnd'],
  });
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;

export const UpdatePlanBody = z
  .strictObject({
    kind: z.enum(PLAN_KINDS).optional(),
    number: planNumber.nullable().optional(),
    title: title.optional(),
    issueDate: IsoDate.nullable().optional(),
    periodStart: year.optional(),
    periodEnd: year.optional(),
    body: PlanBody.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Cần ít nhất một trường để cập nhật.' });
export type UpdatePlanBody = z.infer<typeof UpdatePlanBody>;

// ---- targets ----

export const TargetIdParams = z.object({ id: Uuid });

const targetFields = {
  comparator: z.enum(COMPARATORS),
  value: z.number().min(0).max(L.targetValueMax),
  category: z.enum(PERSON_CATEGORIES).nullable().optional(),
  period: PeriodKey.nullable().optional(),
  deadline: IsoDate.nullable().optional(),
  appliesTo: z.enum(TARGET_SCOPES),
  appliesKind: z.enum(UNIT_KINDS).nullable().optional(),
  label: z.string().trim().max(L.targetLabel).nullable().optional(),
};

const onePeriod = (b: { period?: string | null; deadline?: string | null }) =>
  Boolean(b.period) !== Boolean(b.deadline);
const periodMessage = { message: 'Cần đúng một trong hai: kỳ (period) hoặc hạn (deadline).' };

export const CreateTargetBody = z
  .strictObject({
    indicatorCode: z.string().trim().min(1).max(64),
    ...targetFields,
    appliesTo: targetFields.appliesTo.default('issuer'),
    parentTargetId: Uuid.nullable().optional(),
  })
  .refine(onePeriod, periodMessage);
export type CreateTargetBody = z.infer<typeof CreateTargetBody>;

export const UpdateTargetBody = z
  .strictObject({
    comparator: targetFields.comparator.optional(),
    value: targetFields.value.optional(),
    category: targetFields.category,
    period: targetFields.period,
    deadline: targetFields.deadline,
    appliesTo: targetFields.appliesTo.optional(),
    appliesKind: targetFields.appliesKind,
    label: targetFields.label,
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Cần ít nhất một trường để cập nhật.' });
export type UpdateTargetBody = z.infer<typeof UpdateTargetBody>;

// ---- tasks ----

export const TaskIdParams = z.object({ id: Uuid });
const link = z.url({ protocol: /^https?$/ }).max(L.linkLength);
export const EvidenceLinks = z.array(link).max(L.evidenceLinks);
const deadlineText = z
  .string()
  .trim()
  .min(1)
  .max(L.deadlineText)
  .refine((text) => parseDeadline(text) !== null, {
    message:
      'Hạn không hợp lệ (ví dụ: "Quý II/2023", "tháng 3/2023", "30/06/2023", "thường xuyên").',
  });
const cooperators = z
  .array(Uuid)
  .max(L.taskCooperators)
  .refine(distinct, { message: 'Các đơn vị phối hợp phải khác nhau.' });

export const CreateTaskBody = z.strictObject({
  description: z.string().trim().min(1).max(L.taskDescription),
  /** Defaults to the plan's issuing unit. */
  leadUnitId: Uuid.optional(),
  cooperatingUnitIds: cooperators.default([]),
  deadline: deadlineText,
});
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

export const UpdateTaskBody = z
  .strictObject({
    description: z.string().trim().min(1).max(L.taskDescription).optional(),
    leadUnitId: Uuid.optional(),
    cooperatingUnitIds: cooperators.optional(),
    deadline: deadlineText.optional(),
    status: z.enum(TASK_STATUSES).optional(),
    evidence: z.string().trim().max(L.evidenceText).nullable().optional(),
    evidenceLinks: EvidenceLinks.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Cần ít nhất một trường để cập nhật.' });
export type UpdateTaskBody = z.infer<typeof UpdateTaskBody>;

// ---- responses ----

export const PeriodView = z.object({
  key: z.string().nullable(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
});
export type PeriodView = z.infer<typeof PeriodView>;

const PlanRef = z.object({
  id: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
});

export const PlanView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  issueDate: z.string().nullable(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  implements: z.array(PlanRef),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanView = z.infer<typeof PlanView>;

export const TargetView = z.object({
  id: z.string(),
  planId: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unitLabel: z.string(),
  measure: z.string(),
  comparator: z.enum(COMPARATORS),
  value: z.number(),
  category: z.string().nullable(),
  period: PeriodView,
  deadline: z.string().nullable(),
  appliesTo: z.enum(TARGET_SCOPES),
  appliesKind: z.string().nullable(),
  parentTargetId: z.string().nullable(),
  label: z.string().nullable(),
});
export type TargetView = z.infer<typeof TargetView>;

const UnitRef = z.object({ id: z.string(), name: z.string() });

export const TaskView = z.object({
  id: z.string(),
  planId: z.string(),
  description: z.string(),
  leadUnit: UnitRef,
  cooperatingUnits: z.array(UnitRef),
  deadline: z.object({
    key: z.string(),
    label: z.string(),
    dueDate: z.string().nullable(),
    recurring: z.boolean(),
  }),
  status: z.enum(TASK_STATUSES),
  evidence: z.string().nullable(),
  evidenceLinks: z.array(z.string()),
  completedOn: z.string().nullable(),
  isOverdue: z.boolean(),
  parentTaskId: z.string().nullable(),
  abilities: z.object({ edit: z.boolean(), reportProgress: z.boolean() }),
});
export type TaskView = z.infer<typeof TaskView>;

export const PlanAbilities = z.object({
  update: z.boolean(),
  issue: z.boolean(),
  close: z.boolean(),
  manageTargets: z.boolean(),
  manageTasks: z.boolean(),
});
export type PlanAbilities = z.infer<typeof PlanAbilities>;

/** The body as it leaves the server (no input transforms: responses are only serialised). */
const BlockView = z.object({
  type: z.enum(PLAN_BLOCK_TYPES),
  runs: z.array(
    z.object({ text: z.string(), bold: z.boolean().optional(), italic: z.boolean().optional() }),
  ),
});
export const PlanBodyView = z.object({
  purpose: z.array(BlockView),
  content: z.array(BlockView),
  organisation: z.array(BlockView),
});

export const PlanDetailResponse = z.object({
  plan: PlanView.extend({ body: PlanBodyView }),
  targets: z.array(TargetView),
  tasks: z.array(TaskView),
  abilities: PlanAbilities,
});
export type PlanDetailResponse = z.infer<typeof PlanDetailResponse>;
export const PlanListResponse = z.object({ items: z.array(PlanView) });
export const ToImplementResponse = z.object({
  items: z.array(PlanView.extend({ draftPlanId: z.string().nullable() })),
});
export const TargetResponse = z.object({ target: TargetView });
export const TaskResponse = z.object({ task: TaskView });
