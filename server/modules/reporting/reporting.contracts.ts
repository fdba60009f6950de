import { z } from 'zod';
import { UNIT_KINDS } from '../../../common/enums.ts';
import { PLANNING_LIMITS } from '../../../common/planning.ts';
import {
  REPORT_KINDS,
  REPORT_PERIOD_SLOTS,
  REPORT_STATUSES,
  REPORTING_LIMITS as L,
  TIMELINESS,
} from '../../../common/reporting.ts';
import { PlanBlock, PlanBodyView } from '../planning/index.ts';

/** Schemas of the reporting API (docs/API.md, "Reporting"). Types are inferred. */

const Uuid = z.uuid();
const IsoDate = z.iso.date();
const CONTROL = /\p{Cc}/gu;
const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s.normalize('NFC').replace(CONTROL, ' '));

export const IdParams = z.object({ id: Uuid });
export const PlanIdParams = z.object({ planId: Uuid });

// ---- report types ----

export const CreateReportTypeBody = z
  .strictObject({
    kind: z.enum(REPORT_KINDS),
    name: line(L.reportTypeName).pipe(z.string().min(1)).optional(),
    /** six_month: 'H1' (default) or 'H2'; annual: always 'year'; thematic: none. */
    periodSlot: z.enum(REPORT_PERIOD_SLOTS).optional(),
    dueMonth: z.number().int().min(1).max(12).optional(),
    dueDay: z.number().int().min(1).max(31).optional(),
    dueYearOffset: z.union([z.literal(0), z.literal(1)]).default(0),
    /** Thematic: the period reported on and the due date. */
    period: z.string().trim().max(20).optional(),
    dueDate: IsoDate.optional(),
    reporterKinds: z
      .array(z.enum(UNIT_KINDS))
      .max(UNIT_KINDS.length)
      .refine((k) => new Set(k).size === k.length, { message: 'Các cấp phải khác nhau.' })
      .default([]),
  })
  .superRefine((b, ctx) => {
    const need = (field: string, ok: boolean, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (b.kind === 'thematic') {
      need('period', Boolean(b.period), 'Báo cáo chuyên đề cần kỳ báo cáo.');
      need('dueDate', Boolean(b.dueDate), 'Báo cáo chuyên đề cần hạn nộp.');
      need('periodSlot', b.periodSlot === undefined, 'Báo cáo chuyên đề không theo kỳ hằng năm.');
    } else {
      need('dueMonth', b.dueMonth !== undefined, 'Cần tháng của hạn nộp.');
      need('dueDay', b.dueDay !== undefined, 'Cần ngày của hạn nộp.');
      need('period', b.period === undefined, 'Chỉ báo cáo chuyên đề mới có kỳ riêng.');
      if (b.kind === 'annual') {
        need('periodSlot', !b.periodSlot || b.periodSlot === 'year', 'Báo cáo năm theo cả năm.');
      } else {
        need('periodSlot', b.periodSlot !== 'year', 'Báo cáo 6 tháng theo nửa năm (H1, H2).');
      }
      if (b.dueMonth !== undefined && b.dueDay !== undefined) {
        const days = new Date(Date.UTC(2024, b.dueMonth, 0)).getUTCDate();
        need('dueDay', b.dueDay <= days, 'Ngày không có trong tháng.');
      }
    }
  });
export type CreateReportTypeBody = z.infer<typeof CreateReportTypeBody>;

const PeriodDue = z.object({ key: z.string(), label: z.string(), dueDate: z.string() });

export const ReportTypeView = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  unitId: z.string(),
  kind: z.enum(REPORT_KINDS),
  name: z.string(),
  periodSlot: z.string().nullable(),
  dueRule: z.string(),
  reporterKinds: z.array(z.string()),
  periods: z.array(PeriodDue),
  abilities: z.object({ manage: z.boolean(), remind: z.boolean() }),
});
export type ReportTypeView = z.infer<typeof ReportTypeView>;
export const ReportTypeResponse = z.object({ reportType: ReportTypeView });
export const ReportTypeListResponse = z.object({ items: z.array(ReportTypeView) });

// ---- reports ----

export const ReportDocument = z.strictObject({
  /** "15-BC/TĐTN-BTG"; shown as "Số: 15-BC/TĐTN-BTG". */
  number: line(L.documentNumber).nullable(),
  place: line(L.documentLine),
  /** The date on the document; defaults to the submission date. */
  date: IsoDate.nullable(),
  /** The level above the issuing body, when the layout names it ("TỈNH ĐOÀN TÂY NINH"). */
  superiorBody: line(L.documentLine).nullable(),
  issuingBody: line(L.documentLine).pipe(z.string().min(1)),
  recipients: z.array(line(L.recipientText).pipe(z.string().min(1))).max(L.recipients),
  signature: z.strictObject({
    onBehalfOf: line(L.documentLine),
    role: line(L.documentLine),
    name: line(L.documentLine),
  }),
});
export type ReportDocument = z.infer<typeof ReportDocument>;

/** The document fields as they leave the server (no input transforms). */
export const DocumentView = z.object({
  number: z.string().nullable(),
  place: z.string(),
  date: z.string().nullable(),
  superiorBody: z.string().nullable(),
  issuingBody: z.string(),
  recipients: z.array(z.string()),
  signature: z.object({ onBehalfOf: z.string(), role: z.string(), name: z.string() }),
});

const Section = z.array(PlanBlock).max(PLANNING_LIMITS.planBlocksPerSection);
export const ReportBody = z.strictObject({
  results: Section.default([]),
  shortcomings: Section.default([]),
  nextSteps: Section.default([]),
  proposals: Section.default([]),
});
export type ReportBody = z.infer<typeof ReportBody>;

export const CreateReportBody = z.strictObject({
  reportTypeId: Uuid,
  unitId: Uuid,
  period: z.string().trim().min(1).max(20),
});
export type CreateReportBody = z.infer<typeof CreateReportBody>;

export const UpdateReportBody = z
  .strictObject({
    title: line(L.reportTitle).pipe(z.string().min(1)).optional(),
    document: ReportDocument.optional(),
    body: ReportBody.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Cần ít nhất một trường để cập nhật.' });
export type UpdateReportBody = z.infer<typeof UpdateReportBody>;

export const ReturnReportBody = z.strictObject({
  comment: line(L.comment).pipe(z.string().min(1, 'Cần nêu lý do trả lại.')),
});
export const WaiveReportBody = z.strictObject({
  reportTypeId: Uuid,
  unitId: Uuid,
  period: z.string().trim().min(1).max(20),
  reason: line(L.reason).pipe(z.string().min(1, 'Cần nêu lý do miễn báo cáo.')),
});
export type WaiveReportBody = z.infer<typeof WaiveReportBody>;

export const ReportListQuery = z.object({ unitId: Uuid });
export const ProgressQuery = z.object({
  period: z.string().trim().min(1).max(20),
  /** The level looked at; the plan's unit when absent. */
  unitId: Uuid.optional(),
});

const Parts = { value: z.number().nullable(), numerator: z.number().nullable() };
const PartsFull = { ...Parts, denominator: z.number().nullable() };

/** One row of a report's indicator table, as frozen at submission. */
export const IndicatorRow = z.object({
  targetId: z.string(),
  plan: z.object({ id: z.string(), number: z.string().nullable(), title: z.string() }),
  inherited: z.boolean(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unitLabel: z.string(),
  measure: z.string(),
  comparator: z.string(),
  targetValue: z.number(),
  category: z.string().nullable(),
  period: z.object({ key: z.string().nullable(), label: z.string() }),
  label: z.string().nullable(),
  treeDate: z.string(),
  actual: z.object(PartsFull),
  status: z.string().nullable(),
  progress: z.number().nullable(),
  unitsMeeting: z.object({ met: z.number(), total: z.number() }).nullable(),
  children: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      ...PartsFull,
      status: z.string().nullable(),
      progress: z.number().nullable(),
    }),
  ),
});
export type IndicatorRow = z.infer<typeof IndicatorRow>;

const UnitRef = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() });
const Stamp = z.string().nullable();

export const ReportSummary = z.object({
  id: z.string(),
  reportTypeId: z.string(),
  reportTypeName: z.string(),
  unit: UnitRef,
  period: PeriodDue,
  status: z.enum(REPORT_STATUSES),
  title: z.string(),
  timeliness: z.enum(TIMELINESS),
  isLate: z.boolean(),
  firstSubmittedAt: Stamp,
  submittedAt: Stamp,
  reviewedAt: Stamp,
  returned: z.object({ at: z.string(), comment: z.string() }).nullable(),
  waiverReason: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportDetailResponse = z.object({
  report: ReportSummary.extend({
    reviewer: UnitRef,
    document: DocumentView,
    body: z.object({
      results: PlanBodyView.shape.purpose,
      shortcomings: PlanBodyView.shape.purpose,
      nextSteps: PlanBodyView.shape.purpose,
      proposals: PlanBodyView.shape.purpose,
    }),
  }),
  /** Frozen at submission (submitted, accepted); computed live for a draft. */
  indicators: z.array(IndicatorRow),
  indicatorsAsOf: z.string(),
  frozen: z.boolean(),
  abilities: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
  }),
});
export type ReportDetailResponse = z.infer<typeof ReportDetailResponse>;
export const ReportListResponse = z.object({ items: z.array(ReportSummary) });

const Counts = z.object({
  total: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  notDue: z.number().int(),
  waived: z.number().int(),
  accepted: z.number().int(),
});
export type Counts = z.infer<typeof Counts>;

const ReporterState = z.object({
  unit: UnitRef,
  reportId: z.string().nullable(),
  status: z.enum(REPORT_STATUSES).nullable(),
  timeliness: z.enum(TIMELINESS),
  isLate: z.boolean(),
  firstSubmittedAt: Stamp,
});

export const ProgressResponse = z.object({
  reportType: z.object({ id: z.string(), name: z.string() }),
  period: PeriodDue,
  treeDate: z.string(),
  unit: UnitRef,
  own: ReporterState,
  /** The reporting units whose reports this level receives. */
  children: z.array(ReporterState.extend({ below: Counts })),
  totals: Counts,
  /** Every reporting unit under this level, at all depths. */
  subtreeTotals: Counts,
  canSubmitOwn: z.boolean(),
});
export type ProgressResponse = z.infer<typeof ProgressResponse>;

export const RemindBody = z.strictObject({
  period: z.string().trim().min(1).max(20).optional(),
  withinDays: z.number().int().min(0).max(L.reminderWithinDaysMax).optional(),
});
export const RemindResponse = z.object({
  items: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      period: z.string(),
      reason: z.enum(['late', 'due_soon']),
      dueDate: z.string(),
      notified: z.number().int(),
      emailTo: z.string().nullable(),
      emailed: z.boolean(),
    }),
  ),
});
export type RemindResponse = z.infer<typeof RemindResponse>;
