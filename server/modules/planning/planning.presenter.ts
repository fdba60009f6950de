import { formatDate } from '../../../common/format.ts';
import type { Deadline, Period } from '../../../common/period.ts';
import {
  deadlineDueDate,
  formatDeadline,
  formatPeriod,
  isOverdue,
  parseDeadline,
  parsePeriodKey,
} from '../../../common/period.ts';
import type { Comparator, PlanStatus, TargetScope, TaskStatus } from '../../../common/planning.ts';
import type { Indicator } from './indicator.types.ts';
import type { PlanBody, PeriodView, PlanView, TargetView, TaskView } from './planning.contracts.ts';
import type { IndicatorView } from './view.contracts.ts';
import type { targets, tasks } from './planning.table.ts';
import type { PlanRow } from './planning.scope.ts';

/** Presenters whitelist the fields that leave the server; rows are never returned as they are. */

export function presentPeriod(p: Period): PeriodView {
  return { key: p.key, label: formatPeriod(p), from: p.from, to: p.to };
}

export type PlanRef = {
  id: string;
  number: string | null;
  title: string;
  unitId: string;
  unitName: string;
};

export function presentPlan(row: PlanRow, unitName: string, parents: PlanRef[]): PlanView {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName,
    kind: row.kind,
    number: row.number,
    title: row.title,
    issueDate: row.issueDate,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: row.status as PlanStatus,
    implements: parents.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      unitId: p.unitId,
      unitName: p.unitName,
    })),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** The stored body, re-read through the whitelist (type, runs: text, bold, italic). */
export function presentBody(body: unknown): PlanBody {
  const b = (body ?? {}) as Partial<PlanBody>;
  const section = (blocks: PlanBody['purpose'] | undefined) =>
    (blocks ?? []).map((block) => ({
      type: block.type,
      runs: block.runs.map((r) => ({
        text: r.text,
        ...(r.bold ? { bold: true } : {}),
        ...(r.italic ? { italic: true } : {}),
      })),
    }));
  return {
    purpose: section(b.purpose),
    content: section(b.content),
    organisation: section(b.organisation),
  };
}

export type TargetRow = typeof targets.$inferSelect;

/** The window a target is judged over: its period, or from the plan's first day to the deadline. */
export function targetWindow(
  row: Pick<TargetRow, 'periodKey' | 'deadline'>,
  planStart: number,
): PeriodView {
  if (row.periodKey) return presentPeriod(parsePeriodKey(row.periodKey)!);
  const from = `${planStart}-01-01`;
  return { key: null, label: `Đến ${formatDate(row.deadline)}`, from, to: row.deadline! };
}

export function presentTarget(row: TargetRow, indicator: Indicator, planStart: number): TargetView {
  return {
    id: row.id,
    planId: row.planId,
    indicatorCode: row.indicatorCode,
    indicatorName: indicator.name,
    unitLabel: indicator.unitLabel,
    measure: indicator.measure,
    comparator: row.comparator as Comparator,
    value: row.value,
    category: row.category,
    period: targetWindow(row, planStart),
    deadline: row.deadline,
    appliesTo: row.appliesTo as TargetScope,
    appliesKind: row.appliesKind,
    parentTargetId: row.parentTargetId,
    label: row.label,
  };
}

export type TaskRow = typeof tasks.$inferSelect;

export function taskDeadline(key: string): Deadline {
  return parseDeadline(key)!;
}

export function presentTask(
  row: TaskRow,
  names: Map<string, string>,
  cooperatorIds: string[],
  today: string,
  abilities: TaskView['abilities'],
): TaskView {
  const deadline = taskDeadline(row.deadlineKey);
  const status = row.status as TaskStatus;
  return {
    id: row.id,
    planId: row.planId,
    description: row.description,
    leadUnit: { id: row.leadUnitId, name: names.get(row.leadUnitId) ?? '' },
    cooperatingUnits: cooperatorIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    deadline: {
      key: row.deadlineKey,
      label: formatDeadline(deadline),
      dueDate: deadlineDueDate(deadline),
      recurring: deadline.kind === 'recurring',
    },
    status,
    evidence: row.evidence,
    evidenceLinks: (row.evidenceLinks as string[]).slice(),
    completedOn: row.completedOn,
    isOverdue: isOverdue(row.dueDate, status === 'done', today),
    parentTaskId: row.parentTaskId,
    abilities,
  };
}

export function presentIndicator(d: Indicator): IndicatorView {
  return {
    code: d.code,
    name: d.name,
    unitLabel: d.unitLabel,
    measure: d.measure,
    periodType: d.periodType,
    aggregation: d.aggregation,
    accumulation: d.accumulation,
    source: d.source,
    byCategory: d.byCategory,
    bySex: d.bySex,
    numeratorLabel: d.numeratorLabel ?? null,
    denominatorLabel: d.denominatorLabel ?? null,
    denominatorIndicator: d.denominatorIndicator ?? null,
    condition: d.condition
      ? {
          indicator: d.condition.indicator,
          comparator: d.condition.comparator,
          value: d.condition.value,
          unitKinds: [...d.condition.unitKinds],
        }
      : null,
    feed: d.feed
      ? d.feed.map((f) => ({
          kinds: f.kinds === 'any' ? 'any' : [...f.kinds],
          count: f.count,
          when: f.when,
        }))
      : null,
    reference: d.reference ?? null,
  };
}
