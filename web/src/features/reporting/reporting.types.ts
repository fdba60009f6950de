/**
 * Shapes of the reporting and notifications APIs: inferred from the server's zod contracts
 * (type-only imports), so a renamed field fails `tsc`.
 */
import type { z } from 'zod';
import type * as reporting from '../../../../server/modules/reporting/reporting.contracts.ts';

export type ReportTypeView = z.infer<typeof reporting.ReportTypeView>;
export type CreateReportTypeBody = z.input<typeof reporting.CreateReportTypeBody>;
export type ReportSummary = z.infer<typeof reporting.ReportSummary>;
export type ReportDetail = z.infer<typeof reporting.ReportDetailResponse>;
export type IndicatorRow = z.infer<typeof reporting.IndicatorRow>;
export type ReportDocument = z.input<typeof reporting.ReportDocument>;
export type UpdateReportBody = z.input<typeof reporting.UpdateReportBody>;
export type CreateReportBody = z.input<typeof reporting.CreateReportBody>;
export type WaiveReportBody = z.input<typeof reporting.WaiveReportBody>;
export type ProgressResponse = z.infer<typeof reporting.ProgressResponse>;
export type RemindResponse = z.infer<typeof reporting.RemindResponse>;

/** details of 409 invalid_state on submit: the reports the level still waits for. */
export type PendingReport = { unitId: string; name: string; status: string | null };
