import { elapsedFraction } from '../../../common/period.ts';
import type { Comparator, TargetStatus } from '../../../common/planning.ts';
import type { Indicator } from './indicator.types.ts';

/**
 * The status of a target for one unit, from its current value, the target and the share of the
 * window elapsed (docs/decisions/0003-target-status.md).
 *
 * - Cumulative indicators (counts, percentages, shares of units) are expected to grow linearly
 *   from zero: on day d of n the expected value is target × d/n. Rates ("02 bài/tuần") are
 *   expected to hold the level all along: the expected value is the target itself.
 * - gte: met once the value reaches the target (a rate only when its window has ended: until
 *   then a rate at or above the target is on_track); after the window, missed if it has not;
 *   before the end, on_track when at or above the expected value, at_risk below it.
 * - lte: before the end on_track while within the bound, at_risk above it — missed at once when
 *   the indicator only grows (a flow count); after the end met or missed.
 * - eq: met when equal; a growing count that overshoots is missed; otherwise as gte.
 * - No value at all counts as zero for growing counts and as "unknown" otherwise: at_risk during
 *   the window, missed after it.
 * Progress is value/target for gte and eq (0 without a value), and for lte 1 within the bound,
 * target/value above it.
 */

export type StatusInput = {
  comparator: Comparator;
  target: number;
  value: number | null;
  window: { from: string; to: string };
  asOf: string;
  /** A rate is held at level; anything else grows towards the target. */
  trajectory: 'linear' | 'level';
  /** A flow count only grows within its window (the sum of what happened so far). */
  monotonic: boolean;
};

export type StatusResult = { status: TargetStatus; progress: number; expected: number };

export function trajectoryOf(indicator: Indicator): Pick<StatusInput, 'trajectory' | 'monotonic'> {
  return {
    trajectory: indicator.measure === 'count_per_period' ? 'level' : 'linear',
    monotonic:
      indicator.measure === 'count' &&
      indicator.aggregation === 'sum' &&
      indicator.accumulation === 'flow',
  };
}

function progressOf(comparator: Comparator, target: number, value: number | null): number {
  if (value === null) return 0;
  if (comparator === 'lte') return value <= target ? 1 : target / value;
  if (target === 0) return 1;
  return value / target;
}

export function targetStatus(input: StatusInput): StatusResult {
  const { comparator, target, window, asOf } = input;
  const ended = asOf > window.to;
  const fraction = elapsedFraction(window, asOf);
  const expected = input.trajectory === 'level' ? target : target * fraction;
  const value = input.value === null && input.monotonic ? 0 : input.value;
  const progress = progressOf(comparator, target, value);
  const result = (status: TargetStatus): StatusResult => ({ status, progress, expected });

  if (value === null) return result(ended ? 'missed' : 'at_risk');
  switch (comparator) {
    case 'gte':
      if (value >= target) {
        return result(ended || input.trajectory === 'linear' ? 'met' : 'on_track');
      }
      if (ended) return result('missed');
      return result(value >= expected ? 'on_track' : 'at_risk');
    case 'lte':
      if (ended) return result(value <= target ? 'met' : 'missed');
      if (value <= target) return result('on_track');
      return result(input.monotonic ? 'missed' : 'at_risk');
    case 'eq':
      if (value === target) return result('met');
      if (ended || (input.monotonic && value > target)) return result('missed');
      return result(value >= expected && input.trajectory === 'linear' ? 'on_track' : 'at_risk');
  }
}
