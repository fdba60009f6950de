import { definePolicy } from '../../kernel/auth/policy.ts';

/**
 * What can be done with reports, and the least role it takes on the unit concerned
 * (docs/decisions/0005-report-model.md):
 * - on the plan's unit: admins create report types and send reminders;
 * - on the reporting unit: viewers read its reports, editors draft and submit them;
 * - on the receiving unit (the nearest reporting level above): editors accept, return and waive
 *   the reports of the units below; the plan's own unit's report is accepted by its admins.
 */
export type ReportingAction =
  'view' | 'manageReportTypes' | 'remind' | 'draftReport' | 'reviewChildReport' | 'reviewOwnReport';

export const reportingPolicy = definePolicy<ReportingAction>({
  view: 'viewer',
  manageReportTypes: 'admin',
  remind: 'admin',
  draftReport: 'editor',
  reviewChildReport: 'editor',
  reviewOwnReport: 'admin',
});
