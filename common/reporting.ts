import { formatDate } from './format.ts';
import { formatPeriod, parsePeriodKey } from './period.ts';

/**
 * Vocabularies and schedule maths of reports (báo cáo), shared by server and web. Labels are
 * Vietnamese; English lives in web i18n. See docs/decisions/0005-report-model.md.
 */

export const REPORT_KINDS = ['six_month', 'annual', 'thematic'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  six_month: 'Báo cáo 6 tháng',
  annual: 'Báo cáo năm',
  thematic: 'Báo cáo chuyên đề',
};

/** The period a recurring report covers in each year of its plan. */
export const REPORT_PERIOD_SLOTS = ['H1', 'H2', 'year'] as const;
export type ReportPeriodSlot = (typeof REPORT_PERIOD_SLOTS)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'waived'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Dự thảo',
  submitted: 'Đã gửi',
  accepted: 'Đã duyệt',
  waived: 'Được miễn',
};

/** How one unit stands against the due date of one report. */
export const TIMELINESS = ['on_time', 'late', 'missing', 'not_due', 'waived'] as const;
export type Timeliness = (typeof TIMELINESS)[number];
export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: 'Đúng hạn',
  late: 'Nộp muộn',
  missing: 'Quá hạn, chưa nộp',
  not_due: 'Chưa đến hạn',
  waived: 'Được miễn',
};

/** The narrative sections of a Union report, in the order reports always use. */
export const REPORT_SECTIONS = ['results', 'shortcomings', 'nextSteps', 'proposals'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  results: 'Kết quả đạt được',
  shortcomings: 'Hạn chế, nguyên nhân',
  nextSteps: 'Phương hướng, nhiệm vụ thời gian tới',
  proposals: 'Đề xuất, kiến nghị',
};

export const REPORTING_LIMITS = {
  reportTypeName: 300,
  reportTitle: 500,
  documentNumber: 60,
  documentLine: 200,
  recipients: 40,
  recipientText: 300,
  comment: 2000,
  reason: 1000,
  reminderWithinDaysMax: 90,
  attachmentName: 200,
  attachmentsPerPlan: 20,
  reportTypesPerPlan: 20,
} as const;

/** When a report type's reports are due: every year of the plan, or once (thematic). */
export type ReportSchedule = {
  periodSlot: ReportPeriodSlot | null;
  dueMonth: number | null;
  dueDay: number | null;
  /** 0: due in the period's own year ("trước 25/4"), 1: in the next year. */
  dueYearOffset: number;
  /** Thematic reports: the one period and due date. */
  periodKey: string | null;
  dueDate: string | null;
};

const pad = (n: number) => String(n).padStart(2, '0');

function dueInYear(year: number, month: number, day: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(day, last))}`;
}

/** The report periods of a schedule over the plan's years, with their due dates. */
export function schedulePeriods(
  schedule: ReportSchedule,
  fromYear: number,
  toYear: number,
): { key: string; dueDate: string }[] {
  if (!schedule.periodSlot) {
    return schedule.periodKey && schedule.dueDate
      ? [{ key: schedule.periodKey, dueDate: schedule.dueDate }]
      : [];
  }
  const periods: { key: string; dueDate: string }[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const key = schedule.periodSlot === 'year' ? String(year) : `${year}-${schedule.periodSlot}`;
    const dueDate = dueInYear(year + schedule.dueYearOffset, schedule.dueMonth!, schedule.dueDay!);
    periods.push({ key, dueDate });
  }
  return periods;
}

/** How a due rule reads: "trước ngày 25/4 hằng năm", "trước ngày 30/11/2025". */
export function formatDueRule(schedule: ReportSchedule): string {
  if (!schedule.periodSlot) return `trước ngày ${formatDate(schedule.dueDate)}`;
  const next = schedule.dueYearOffset === 1 ? ' năm sau' : ' hằng năm';
  return `trước ngày ${schedule.dueDay}/${schedule.dueMonth}${next}`;
}

/** '2023-H1' → '6 tháng đầu năm 2023'; unknown keys are returned as they are. */
export function formatReportPeriod(key: string): string {
  const period = parsePeriodKey(key);
  return period ? formatPeriod(period) : key;
}
