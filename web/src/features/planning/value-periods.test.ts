import { describe, expect, it } from 'vitest';
import type { ValueView } from './planning.types.ts';
import {
  chosenPeriod,
  enteredPeriods,
  entryPeriodTypes,
  periodOptions,
  recentPeriods,
} from './value-periods.ts';

describe('entryPeriodTypes', () => {
  it('lets a yearly indicator be entered by year, six months, quarter or month', () => {
    expect(entryPeriodTypes('year')).toEqual(['year', 'half_year', 'quarter', 'month']);
  });
  it('keeps a weekly rate by week first, months allowed', () => {
    expect(entryPeriodTypes('week')).toEqual(['week', 'month']);
  });
  it('falls back to years for several years or an unknown type', () => {
    expect(entryPeriodTypes('multi_year')).toEqual(['year']);
    expect(entryPeriodTypes('decade')).toEqual(['year']);
  });
});

describe('recentPeriods', () => {
  it('lists quarters newest first, the current one included, none to come', () => {
    expect(recentPeriods('quarter', '2026-06-15', 3).map((p) => p.key)).toEqual([
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
    ]);
  });
  it('crosses year boundaries for months and weeks', () => {
    expect(recentPeriods('month', '2026-02-01', 3).map((p) => p.key)).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
    ]);
    expect(recentPeriods('week', '2026-01-01', 2).map((p) => p.key)).toEqual([
      '2026-W01',
      '2025-W52',
    ]);
  });
});

describe('periodOptions', () => {
  it('labels periods as people write them', () => {
    const options = periodOptions(
      'half_year',
      chosenPeriod('year', '2026-H1', '2026-06-15'),
      '2026-06-15',
    );
    expect(options.slice(0, 2)).toEqual([
      { value: '2026-H1', label: '6 tháng đầu năm 2026' },
      { value: '2025-H2', label: '6 tháng cuối năm 2025' },
    ]);
    const quarters = periodOptions(
      'quarter',
      chosenPeriod('year', null, '2026-06-15'),
      '2026-06-15',
    );
    expect(quarters[0]).toEqual({ value: '2026-Q2', label: 'Quý II/2026' });
    expect(
      periodOptions('month', chosenPeriod('month', null, '2025-03-09'), '2025-03-09')[0],
    ).toEqual({ value: '2025-03', label: 'Tháng 3/2025' });
    expect(
      periodOptions('year', chosenPeriod('year', null, '2025-03-09'), '2025-03-09')[0],
    ).toEqual({
      value: '2025',
      label: 'Năm 2025',
    });
  });
  it('keeps an older chosen period in the list', () => {
    const old = chosenPeriod('year', '2019', '2026-06-15');
    const options = periodOptions('year', old, '2026-06-15');
    expect(options.at(-1)).toEqual({ value: '2019', label: 'Năm 2019' });
  });
});

describe('chosenPeriod', () => {
  it('takes the period of the URL when the indicator accepts it', () => {
    expect(chosenPeriod('year', '2026-Q2', '2026-06-15').key).toBe('2026-Q2');
  });
  it('falls back to the current period of the indicator’s type otherwise', () => {
    // A week for a yearly indicator, a period not begun, a malformed key.
    expect(chosenPeriod('year', '2026-W10', '2026-06-15').key).toBe('2026');
    expect(chosenPeriod('year', '2026-Q3', '2026-06-15').key).toBe('2026');
    expect(chosenPeriod('month', 'Quý II', '2026-06-15').key).toBe('2026-06');
    expect(chosenPeriod('week', null, '2026-06-15').key).toBe('2026-W25');
  });
});

describe('enteredPeriods', () => {
  const entry = (key: string, label: string, from: string, extra: Partial<ValueView> = {}) =>
    ({
      indicatorCode: 'x',
      period: { key, label, from, to: from },
      category: null,
      sex: null,
      value: 1,
      denominator: null,
      enteredAt: '2026-06-01T00:00:00.000Z',
      ...extra,
    }) satisfies ValueView;
  it('totals each period, newest first', () => {
    expect(
      enteredPeriods([
        entry('2026', 'Năm 2026', '2026-01-01', { value: 5 }),
        entry('2026-Q2', 'Quý II/2026', '2026-04-01', { category: 'cadre', value: 3 }),
        entry('2026-Q2', 'Quý II/2026', '2026-04-01', { category: 'member', value: 4 }),
        entry('2026-Q1', 'Quý I/2026', '2026-01-01', { value: 2, denominator: 8 }),
      ]),
    ).toEqual([
      { key: '2026-Q2', label: 'Quý II/2026', from: '2026-04-01', value: 7, denominator: null },
      { key: '2026', label: 'Năm 2026', from: '2026-01-01', value: 5, denominator: null },
      { key: '2026-Q1', label: 'Quý I/2026', from: '2026-01-01', value: 2, denominator: 8 },
    ]);
  });
});
