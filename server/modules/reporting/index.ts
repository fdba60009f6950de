/** The reporting module's public surface; other modules import only from here. */
export { reportTypes, reports, reportReminders } from './reporting.table.ts';
export type { ReportingOptions } from './reporting.routes.ts';
export { reportingRoutes } from './reporting.routes.ts';

// Service functions callable without HTTP (benchmarks, scripts, the daily tick).
export type { Prefill } from './prefill.ts';
export { prefillReport } from './prefill.ts';
export { renderReportDocx } from './documents/report-docx.ts';
export { renderReportXlsx } from './documents/report-xlsx.ts';
export { renderPlanDocx } from './documents/plan-docx.ts';
export { sendReminders } from './reminders.service.ts';
export { startReminderTick } from './reminder-tick.ts';
export { CreateReportTypeBody } from './reporting.contracts.ts';
export { createReportType } from './report-type.service.ts';
