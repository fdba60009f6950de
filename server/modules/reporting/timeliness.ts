import type { ReportStatus, Timeliness } from '../../../common/reporting.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import { todayInVietnam } from '../../kernel/clock.ts';
import type { Counts } from './reporting.contracts.ts';

/**
 * Timeliness from the real timestamps (docs/decisions/0005): a report is on time when it was
 * first submitted on or before its due date (Vietnam's calendar day), late when after; a unit
 * that has not submitted is missing once the due date has passed, not due before. "Late" in the
 * sense reminders and dashboards use is late or missing.
 */
export function timelinessOf(
  report: { status: ReportStatus; firstSubmittedAt: Date | string | null } | null,
  dueDate: IsoDate,
  today: IsoDate,
): Timeliness {
  if (report?.status === 'waived') return 'waived';
  if (report?.firstSubmittedAt) {
    const day = todayInVietnam(new Date(report.firstSubmittedAt));
    return day <= dueDate ? 'on_time' : 'late';
  }
  return today > dueDate ? 'missing' : 'not_due';
}

export function isLate(timeliness: Timeliness): boolean {
  return timeliness === 'late' || timeliness === 'missing';
}

export function emptyCounts(): Counts {
  return { total: 0, onTime: 0, late: 0, missing: 0, notDue: 0, waived: 0, accepted: 0 };
}

export function addToCounts(
  counts: Counts,
  timeliness: Timeliness,
  status: ReportStatus | null,
): void {
  counts.total += 1;
  if (status === 'accepted') counts.accepted += 1;
  switch (timeliness) {
    case 'on_time':
      counts.onTime += 1;
      break;
    case 'late':
      counts.late += 1;
      break;
    case 'missing':
      counts.missing += 1;
      break;
    case 'not_due':
      counts.notDue += 1;
      break;
    case 'waived':
      counts.waived += 1;
      break;
  }
}
