import { formatPeriod } from '../../../common/period.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { UnitAsOf } from '../org/index.ts';
import { PlanBodyView } from '../planning/index.ts';
import type {
  IndicatorRow,
  ReportBody,
  ReportDetailResponse,
  ReportDocument,
  ReportSummary,
} from './reporting.contracts.ts';
import type { ReportPlace, ReportRow, ReportTypeRow } from './reporting.scope.ts';
import { isLate, timelinessOf } from './timeliness.ts';

/** Presenters whitelist what leaves the server. */

export const unitRef = (u: Pick<UnitAsOf, 'id' | 'code' | 'name' | 'kind'>) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
});

const stamp = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function presentSummary(
  report: ReportRow,
  type: ReportTypeRow,
  unit: Pick<UnitAsOf, 'id' | 'code' | 'name' | 'kind'>,
  place: Pick<ReportPlace, 'period' | 'dueDate'>,
  today: IsoDate,
): ReportSummary {
  const timeliness = timelinessOf(report, place.dueDate, today);
  return {
    id: report.id,
    reportTypeId: type.id,
    reportTypeName: type.name,
    unit: unitRef(unit),
    period: { key: place.period.key, label: formatPeriod(place.period), dueDate: place.dueDate },
    status: report.status,
    title: report.title,
    timeliness,
    isLate: isLate(timeliness),
    firstSubmittedAt: stamp(report.firstSubmittedAt),
    submittedAt: stamp(report.submittedAt),
    reviewedAt: stamp(report.reviewedAt),
    returned:
      report.status === 'draft' && report.returnedAt
        ? { at: stamp(report.returnedAt)!, comment: report.returnComment ?? '' }
        : null,
    waiverReason: report.waiverReason,
  };
}

/** The stored document, re-read through the whitelist. */
export function presentDocument(stored: unknown): ReportDocument {
  const d = stored as ReportDocument;
  return {
    number: d.number ?? null,
    place: d.place ?? '',
    date: d.date ?? null,
    superiorBody: d.superiorBody ?? null,
    issuingBody: d.issuingBody ?? '',
    recipients: [...(d.recipients ?? [])],
    signature: {
      onBehalfOf: d.signature?.onBehalfOf ?? '',
      role: d.signature?.role ?? '',
      name: d.signature?.name ?? '',
    },
  };
}

/** The stored body through the same whitelist as plan bodies (type, runs: text, bold, italic). */
export function presentReportBody(stored: unknown): ReportBody {
  const b = (stored ?? {}) as Partial<ReportBody>;
  const section = (blocks: ReportBody['results'] | undefined) =>
    PlanBodyView.shape.purpose.parse(
      (blocks ?? []).map((block) => ({
        type: block.type,
        runs: block.runs.map((r) => ({
          text: r.text,
          ...(r.bold ? { bold: true } : {}),
          ...(r.italic ? { italic: true } : {}),
        })),
      })),
    );
  return {
    results: section(b.results),
    shortcomings: section(b.shortcomings),
    nextSteps: section(b.nextSteps),
    proposals: section(b.proposals),
  };
}

export function presentDetail(input: {
  report: ReportRow;
  type: ReportTypeRow;
  place: ReportPlace;
  unit: UnitAsOf;
  indicators: IndicatorRow[];
  asOf: IsoDate;
  today: IsoDate;
  abilities: ReportDetailResponse['abilities'];
}): ReportDetailResponse {
  const { report, type, place, unit } = input;
  return {
    report: {
      ...presentSummary(report, type, unit, place, input.today),
      reviewer: unitRef(place.receiver),
      document: presentDocument(report.document),
      body: presentReportBody(report.body),
    },
    indicators: input.indicators,
    indicatorsAsOf: input.asOf,
    frozen: report.status === 'submitted' || report.status === 'accepted',
    abilities: input.abilities,
  };
}
