import { formatNumber } from '../../../../common/format.ts';
import type { Comparator, TargetStatus } from '../../../../common/planning.ts';
import { TARGET_STATUS_LABELS } from '../../../../common/planning.ts';
import type { IndicatorRow } from '../reporting.contracts.ts';

/** Indicator values as Vietnamese documents write them: "86,4%", "1.234 lượt", "≥ 90%". */

const COMPARATOR_SIGNS: Record<Comparator, string> = { gte: '≥', lte: '≤', eq: '=' };

export function formatAmount(value: number | null, unitLabel: string): string {
  if (value === null) return '—';
  return unitLabel === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unitLabel}`;
}

export function formatTarget(row: Pick<IndicatorRow, 'comparator' | 'targetValue' | 'unitLabel'>) {
  const sign = COMPARATOR_SIGNS[row.comparator as Comparator] ?? row.comparator;
  return `${sign} ${formatAmount(row.targetValue, row.unitLabel)}`;
}

export function formatProgress(progress: number | null): string {
  return progress === null ? '—' : `${formatNumber(progress * 100)}%`;
}

export function statusLabel(status: string | null): string {
  return status ? (TARGET_STATUS_LABELS[status as TargetStatus] ?? status) : '—';
}

/** A target's result in one sentence, for the pre-filled "Kết quả đạt được". */
export function resultSentence(row: IndicatorRow): string {
  const name = row.label ?? row.indicatorName;
  const meeting = row.unitsMeeting
    ? `${row.unitsMeeting.met}/${row.unitsMeeting.total} đơn vị đạt`
    : statusLabel(row.status).toLowerCase();
  return `${name} (${row.period.label}): ${formatAmount(row.actual.value, row.unitLabel)}, chỉ tiêu ${formatTarget(row)} — ${meeting}.`;
}
