import { formatNumber } from '../../../common/format.ts';
import type { Comparator, TargetScope } from '../../../common/planning.ts';
import { COMPARATOR_LABELS } from '../../../common/planning.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { Indicator } from './indicator.types.ts';

/** Rules a target obeys on its own and against the parent target it derives from. */

export type TargetTerms = {
  indicatorCode: string;
  comparator: Comparator;
  value: number;
  category: string | null;
};

/**
 * Whether `child` is at least as strict as `parent`: under "at least P" a child may ask at least
 * P (or exactly some value ≥ P); under "at most P", at most P (or exactly some value ≤ P); under
 * "exactly P", exactly P.
 */
export function isAtLeastAsStrict(
  child: Pick<TargetTerms, 'comparator' | 'value'>,
  parent: Pick<TargetTerms, 'comparator' | 'value'>,
): boolean {
  switch (parent.comparator) {
    case 'gte':
      return (
        (child.comparator === 'gte' || child.comparator === 'eq') && child.value >= parent.value
      );
    case 'lte':
      return (
        (child.comparator === 'lte' || child.comparator === 'eq') && child.value <= parent.value
      );
    case 'eq':
      return child.comparator === 'eq' && child.value === parent.value;
  }
}

/**
 * A derived target must measure the same thing as its parent and be no looser:
 * 422 target_looser_than_parent naming the parent's requirement otherwise.
 */
export function requireNotLooser(child: TargetTerms, parent: TargetTerms, unitLabel: string): void {
  if (child.indicatorCode !== parent.indicatorCode || child.category !== parent.category) {
    throw new AppError(
      'validation_failed',
      'Chỉ tiêu cụ thể hóa phải cùng chỉ số và cùng đối tượng với chỉ tiêu cấp trên.',
      [{ field: 'parentTargetId', message: 'Chỉ tiêu cấp trên đo một chỉ số khác.' }],
    );
  }
  if (isAtLeastAsStrict(child, parent)) return;
  const required = `${COMPARATOR_LABELS[parent.comparator].toLowerCase()} ${formatNumber(parent.value)}${unitLabel === '%' ? '%' : ` ${unitLabel}`}`;
  throw new AppError(
    'target_looser_than_parent',
    `Chỉ tiêu không được thấp hơn chỉ tiêu cấp trên (cấp trên giao: ${required}).`,
    { parentComparator: parent.comparator, parentValue: parent.value },
  );
}

/** Field problems of a target's own terms against its indicator and plan, as 400 details. */
export function checkTargetTerms(
  terms: {
    value: number;
    category: string | null;
    appliesTo: TargetScope;
    appliesKind: string | null;
    deadline: string | null;
  },
  indicator: Indicator,
  planStart: number,
): void {
  const problems: { field: string; message: string }[] = [];
  if (indicator.measure === 'percent' && terms.value > 100) {
    problems.push({ field: 'value', message: 'Tỷ lệ không quá 100%.' });
  }
  if (terms.category && !indicator.byCategory) {
    problems.push({ field: 'category', message: 'Chỉ số này không phân theo đối tượng.' });
  }
  if ((terms.appliesTo === 'each_of_kind') !== Boolean(terms.appliesKind)) {
    problems.push({
      field: 'appliesKind',
      message: 'Cần (và chỉ cần) loại đơn vị khi chỉ tiêu giao cho từng đơn vị theo loại.',
    });
  }
  if (terms.deadline && terms.deadline < `${planStart}-01-01`) {
    problems.push({ field: 'deadline', message: 'Hạn phải sau ngày bắt đầu kỳ kế hoạch.' });
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', 'Chỉ tiêu không hợp lệ.', problems);
  }
}

/**
 * Whom a parent target applies to, read from the implementing unit: a target the parent set for
 * "each child" or "each unit of kind K" becomes the implementing unit's own target when the unit
 * is such a child or of kind K; otherwise the scope is kept (the unit passes it further down).
 */
export function inheritedScope(
  parent: { appliesTo: TargetScope; appliesKind: string | null },
  parentIssuerId: string,
  unit: { parentId: string | null; kind: string },
): { appliesTo: TargetScope; appliesKind: string | null } {
  const appliesToUnit =
    (parent.appliesTo === 'each_child' && unit.parentId === parentIssuerId) ||
    (parent.appliesTo === 'each_of_kind' && parent.appliesKind === unit.kind);
  return appliesToUnit
    ? { appliesTo: 'issuer', appliesKind: null }
    : { appliesTo: parent.appliesTo, appliesKind: parent.appliesKind };
}
