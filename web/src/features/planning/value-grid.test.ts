import { describe, expect, it } from 'vitest';
import type { ValueView } from './planning.types.ts';
import {
  buildGrid,
  cellIndex,
  entriesFromGrid,
  entryMode,
  gridTotal,
  isEnterable,
  percentOf,
} from './value-grid.ts';

const plain = {
  source: 'reported',
  aggregation: 'sum',
  denominatorIndicator: null,
  byCategory: false,
  bySex: false,
};

const value = (v: Partial<ValueView>): ValueView => ({
  indicatorCode: 'x',
  period: { key: '2026-Q2', label: 'Quý II/2026', from: '2026-04-01', to: '2026-06-30' },
  category: null,
  sex: null,
  value: 0,
  denominator: null,
  enteredAt: '2026-06-01T00:00:00.000Z',
  ...v,
});

describe('isEnterable and entryMode', () => {
  it('enters reported counts and ratios, not computed indicators nor shares of units', () => {
    expect(isEnterable(plain)).toBe(true);
    expect(isEnterable({ ...plain, source: 'computed' })).toBe(false);
    expect(isEnterable({ ...plain, aggregation: 'share_of_units' })).toBe(false);
  });
  it('asks a denominator only when the platform does not compute it', () => {
    expect(entryMode(plain)).toBe('count');
    expect(entryMode({ ...plain, aggregation: 'ratio' })).toBe('ratio');
    expect(
      entryMode({ ...plain, aggregation: 'ratio', denominatorIndicator: 'people_count' }),
    ).toBe('numerator');
  });
});

describe('buildGrid', () => {
  it('is one cell when the indicator has no breakdown, prefilled', () => {
    const grid = buildGrid(plain, [value({ value: 1850 })]);
    expect(grid.categories).toEqual([null]);
    expect(grid.sexes).toEqual([null]);
    expect(grid.cells).toEqual([{ category: null, sex: null, value: 1850, denominator: '' }]);
  });
  it('is categories × sexes (and "not by sex") when both apply', () => {
    const grid = buildGrid({ ...plain, byCategory: true, bySex: true }, [
      value({ category: 'cadre', sex: 'female', value: 64 }),
    ]);
    expect(grid.categories).toEqual(['cadre', 'member', 'youth', 'teen', 'child']);
    expect(grid.sexes).toEqual(['male', 'female', 'other', null]);
    expect(grid.cells).toHaveLength(20);
    expect(grid.cells[cellIndex(grid, 'cadre', 'female')]).toMatchObject({ value: 64 });
    expect(grid.cells[cellIndex(grid, 'member', null)]).toMatchObject({ value: '' });
  });
  it('keeps entries outside the breakdown in their own row, so a save does not drop them', () => {
    const grid = buildGrid({ ...plain, byCategory: true }, [
      value({ category: null, value: 7 }),
      value({ category: 'member', value: 3 }),
    ]);
    expect(grid.categories).toEqual(['cadre', 'member', 'youth', 'teen', 'child', null]);
    expect(entriesFromGrid(grid, 'count').entries).toEqual([
      { category: 'member', sex: null, value: 3 },
      { category: null, sex: null, value: 7 },
    ]);
  });
});

describe('entriesFromGrid', () => {
  it('leaves empty cells out and keeps an explicit zero', () => {
    const grid = buildGrid({ ...plain, byCategory: true }, []);
    grid.cells[0]!.value = 12;
    grid.cells[1]!.value = 0;
    const { entries, cellOfEntry, problems } = entriesFromGrid(grid, 'count');
    expect(entries).toEqual([
      { category: 'cadre', sex: null, value: 12 },
      { category: 'member', sex: null, value: 0 },
    ]);
    expect(cellOfEntry).toEqual([0, 1]);
    expect(problems).toEqual([]);
  });
  it('refuses what the server refuses, beside the field', () => {
    const grid = buildGrid({ ...plain, byCategory: true }, []);
    grid.cells[0]!.value = '1,';
    grid.cells[1]!.value = -1;
    grid.cells[2]!.value = 2e12;
    expect(entriesFromGrid(grid, 'count').problems).toEqual([
      { cell: 0, field: 'value', code: 'notANumber' },
      { cell: 1, field: 'value', code: 'negative' },
      { cell: 2, field: 'value', code: 'tooLarge' },
    ]);
  });
  it('needs both parts of a ratio, a positive denominator, a numerator not above it', () => {
    const grid = buildGrid({ ...plain, aggregation: 'ratio', byCategory: true }, []);
    grid.cells[0]!.value = 5;
    grid.cells[1]!.denominator = 10;
    grid.cells[2]!.value = 0;
    grid.cells[2]!.denominator = 0;
    grid.cells[3]!.value = 11;
    grid.cells[3]!.denominator = 10;
    grid.cells[4]!.value = 45;
    grid.cells[4]!.denominator = 50;
    const { entries, problems } = entriesFromGrid(grid, 'ratio');
    expect(problems).toEqual([
      { cell: 0, field: 'denominator', code: 'denominatorRequired' },
      { cell: 1, field: 'value', code: 'numeratorRequired' },
      { cell: 2, field: 'denominator', code: 'denominatorPositive' },
      { cell: 3, field: 'value', code: 'numeratorAboveDenominator' },
    ]);
    expect(entries).toEqual([{ category: 'child', sex: null, value: 45, denominator: 50 }]);
  });
  it('sends no denominator when the platform computes it', () => {
    const grid = buildGrid({ ...plain, aggregation: 'ratio', denominatorIndicator: 'p' }, []);
    grid.cells[0]!.value = 40;
    grid.cells[0]!.denominator = 99;
    expect(entriesFromGrid(grid, 'numerator').entries).toEqual([
      { category: null, sex: null, value: 40 },
    ]);
  });
});

describe('gridTotal and percentOf', () => {
  it('sums values and denominators: a ratio of sums', () => {
    const total = gridTotal([
      { value: 45, denominator: 50 },
      { value: 5, denominator: 50 },
    ]);
    expect(total).toEqual({ value: 50, denominator: 100 });
    expect(percentOf(total!.value, total!.denominator)).toBe(50);
    expect(gridTotal([{ value: 3 }, { value: 4 }])).toEqual({ value: 7, denominator: null });
    expect(gridTotal([])).toBeNull();
    expect(percentOf(3, null)).toBeNull();
  });
});
