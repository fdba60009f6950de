import { describe, expect, it } from 'vitest';
import type { StatusInput } from './target-status.ts';
import { targetStatus } from './target-status.ts';

/** The status rule of docs/decisions/0003-target-status.md, case by case. */
describe('targetStatus', () => {
  const year = { from: '2023-01-01', to: '2023-12-31' };
  const mid = '2023-07-02'; // 183 of 365 days elapsed: just over half
  const base: StatusInput = {
    comparator: 'gte',
    target: 2,
    value: 0,
    window: year,
    asOf: mid,
    trajectory: 'linear',
    monotonic: true,
  };
  const status = (over: Partial<StatusInput>) => targetStatus({ ...base, ...over });

  it('at least N of a growing count: met on reaching it, else on track or at risk by the time elapsed', () => {
    expect(status({ value: 2 })).toMatchObject({ status: 'met', progress: 1 });
    expect(status({ value: 3 })).toMatchObject({ status: 'met', progress: 1.5 });
    expect(status({ target: 4, value: 2.1 })).toMatchObject({ status: 'on_track' });
    expect(status({ target: 4, value: 1 })).toMatchObject({ status: 'at_risk', progress: 0.25 });
    expect(status({ value: null })).toMatchObject({ status: 'at_risk', progress: 0 });
    expect(status({ value: 0, asOf: '2022-12-01' })).toMatchObject({
      status: 'on_track',
      expected: 0,
    });
    expect(status({ value: 1, asOf: '2024-01-01' })).toMatchObject({ status: 'missed' });
    expect(status({ value: 2, asOf: '2024-01-01' })).toMatchObject({ status: 'met' });
  });

  it('percentages grow linearly towards the target', () => {
    const pct = { target: 90, monotonic: false };
    expect(status({ ...pct, value: 46 })).toMatchObject({ status: 'on_track' });
    expect(status({ ...pct, value: 44 })).toMatchObject({ status: 'at_risk' });
    expect(status({ ...pct, value: 91 })).toMatchObject({ status: 'met' });
    expect(status({ ...pct, value: null })).toMatchObject({ status: 'at_risk' });
    expect(status({ ...pct, value: null, asOf: '2024-02-01' })).toMatchObject({ status: 'missed' });
  });

  it('a rate must hold its level all along, and is met only when its window has ended', () => {
    const rate = { trajectory: 'level' as const, monotonic: false, target: 2 };
    expect(status({ ...rate, value: 2.2 })).toMatchObject({ status: 'on_track', expected: 2 });
    expect(status({ ...rate, value: 1.9 })).toMatchObject({ status: 'at_risk' });
    expect(status({ ...rate, value: 2.2, asOf: '2024-01-01' })).toMatchObject({ status: 'met' });
    expect(status({ ...rate, value: 1.9, asOf: '2024-01-01' })).toMatchObject({ status: 'missed' });
  });

  it('at most N: within the bound on track, then met; a growing count past the bound is missed at once', () => {
    const cap = { comparator: 'lte' as const, target: 10 };
    expect(status({ ...cap, value: 4 })).toMatchObject({ status: 'on_track', progress: 1 });
    expect(status({ ...cap, value: 12 })).toMatchObject({ status: 'missed', progress: 10 / 12 });
    expect(status({ ...cap, value: 12, monotonic: false })).toMatchObject({ status: 'at_risk' });
    expect(status({ ...cap, value: 10, asOf: '2024-01-01' })).toMatchObject({ status: 'met' });
    expect(status({ ...cap, value: 11, asOf: '2024-01-01', monotonic: false })).toMatchObject({
      status: 'missed',
    });
  });

  it('exactly N: met when equal, missed when a growing count overshoots', () => {
    const exact = { comparator: 'eq' as const, target: 9 };
    expect(status({ ...exact, value: 9 })).toMatchObject({ status: 'met' });
    expect(status({ ...exact, value: 10 })).toMatchObject({ status: 'missed' });
    expect(status({ ...exact, value: 5 })).toMatchObject({ status: 'on_track' });
    expect(status({ ...exact, value: 3 })).toMatchObject({ status: 'at_risk' });
    expect(status({ ...exact, value: 8, asOf: '2024-01-01' })).toMatchObject({ status: 'missed' });
  });

  it('a target of zero is met by zero', () => {
    expect(status({ target: 0, value: 0 })).toMatchObject({ status: 'met', progress: 1 });
  });
});
