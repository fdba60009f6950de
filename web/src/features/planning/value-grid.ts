import type { Gender, PersonCategory } from '../../../../common/enums.ts';
import { GENDERS, PERSON_CATEGORIES } from '../../../../common/enums.ts';
import type { IndicatorView, ValueEntry, ValueView } from './planning.types.ts';

/**
 * The entry form of one indicator and period: a cell per person category × sex, as far as the
 * indicator is broken down (one cell when it is not). Empty cells are left out of the PUT, which
 * replaces the unit's whole set for the period (value.service.ts on the server).
 */

/** What the user typed: a number, '' (empty) or text that is not a number yet. */
export type NumberField = number | string;

export type EntryCell = {
  category: PersonCategory | null;
  sex: Gender | null;
  value: NumberField;
  denominator: NumberField;
};

export type EntryGrid = {
  categories: (PersonCategory | null)[];
  sexes: (Gender | null)[];
  /** Row-major: categories × sexes. */
  cells: EntryCell[];
};

/**
 * count: one number per cell. ratio: numerator and denominator (ratio of sums). numerator: the
 * denominator is computed by the platform (e.g. from people counts), only the numerator is entered.
 */
export type EntryMode = 'count' | 'ratio' | 'numerator';

type Catalogued = Pick<
  IndicatorView,
  'source' | 'aggregation' | 'denominatorIndicator' | 'byCategory' | 'bySex'
>;

/** What the server accepts by hand: reported indicators, not shares of units (those are counted). */
export function isEnterable(indicator: Pick<IndicatorView, 'source' | 'aggregation'>): boolean {
  return indicator.source === 'reported' && indicator.aggregation !== 'share_of_units';
}

export function entryMode(indicator: Catalogued): EntryMode {
  if (indicator.aggregation !== 'ratio') return 'count';
  return indicator.denominatorIndicator ? 'numerator' : 'ratio';
}

const union = <T>(base: T[], found: T[]): T[] => [
  ...base,
  ...found.filter((v, i) => !base.includes(v) && found.indexOf(v) === i),
];

/**
 * The grid of an indicator, prefilled with the unit's entries. Entries outside the breakdown (e.g.
 * a total sent through the API for an indicator broken down by category) get their own row or
 * column, so that saving the form never drops them silently.
 */
export function buildGrid(indicator: Catalogued, values: ValueView[]): EntryGrid {
  // The server stores only the contract's categories and sexes.
  const categories = union<PersonCategory | null>(
    indicator.byCategory ? [...PERSON_CATEGORIES] : [null],
    values.map((v) => v.category as PersonCategory | null),
  );
  const sexes = union<Gender | null>(
    indicator.bySex ? [...GENDERS, null] : [null],
    values.map((v) => v.sex as Gender | null),
  );
  const cells = categories.flatMap((category) =>
    sexes.map((sex): EntryCell => {
      const found = values.find((v) => v.category === category && v.sex === sex);
      return {
        category,
        sex,
        value: found?.value ?? '',
        denominator: found?.denominator ?? '',
      };
    }),
  );
  return { categories, sexes, cells };
}

/** Index of a cell in the grid's row-major list. */
export function cellIndex(
  grid: EntryGrid,
  category: PersonCategory | null,
  sex: Gender | null,
): number {
  return grid.categories.indexOf(category) * grid.sexes.length + grid.sexes.indexOf(sex);
}

export const VALUE_MAX = 1e12;

export type EntryProblemCode =
  | 'notANumber'
  | 'negative'
  | 'tooLarge'
  | 'numeratorRequired'
  | 'denominatorRequired'
  | 'denominatorPositive'
  | 'numeratorAboveDenominator';

export type EntryProblem = { cell: number; field: 'value' | 'denominator'; code: EntryProblemCode };

type Parsed = { empty: true } | { empty: false; number: number | null };

function parse(field: NumberField): Parsed {
  if (typeof field === 'number') return { empty: false, number: field };
  const text = field.trim();
  if (text === '') return { empty: true };
  return { empty: false, number: null };
}

/**
 * The entries to PUT, the cell each entry comes from, and what is wrong with the form (the same
 * rules the server applies, so that most mistakes are shown beside their field).
 */
export function entriesFromGrid(
  grid: EntryGrid,
  mode: EntryMode,
): { entries: ValueEntry[]; cellOfEntry: number[]; problems: EntryProblem[] } {
  const entries: ValueEntry[] = [];
  const cellOfEntry: number[] = [];
  const problems: EntryProblem[] = [];
  grid.cells.forEach((cell, index) => {
    const value = parse(cell.value);
    const denominator = mode === 'ratio' ? parse(cell.denominator) : ({ empty: true } as Parsed);
    if (value.empty && denominator.empty) return;
    const found: EntryProblem[] = [];
    const check = (field: 'value' | 'denominator', p: Parsed) => {
      if (p.empty) return;
      if (p.number === null) found.push({ cell: index, field, code: 'notANumber' });
      else if (p.number < 0) found.push({ cell: index, field, code: 'negative' });
      else if (p.number > VALUE_MAX) found.push({ cell: index, field, code: 'tooLarge' });
    };
    check('value', value);
    check('denominator', denominator);
    if (mode === 'ratio') {
      if (value.empty) found.push({ cell: index, field: 'value', code: 'numeratorRequired' });
      if (denominator.empty) {
        found.push({ cell: index, field: 'denominator', code: 'denominatorRequired' });
      }
    }
    if (found.length === 0 && !value.empty && value.number !== null) {
      const num = value.number;
      if (mode === 'ratio' && !denominator.empty && denominator.number !== null) {
        const den = denominator.number;
        if (den <= 0)
          found.push({ cell: index, field: 'denominator', code: 'denominatorPositive' });
        else if (num > den) {
          found.push({ cell: index, field: 'value', code: 'numeratorAboveDenominator' });
        } else {
          entries.push({ category: cell.category, sex: cell.sex, value: num, denominator: den });
          cellOfEntry.push(index);
        }
      } else {
        entries.push({ category: cell.category, sex: cell.sex, value: num });
        cellOfEntry.push(index);
      }
    }
    problems.push(...found);
  });
  return { entries, cellOfEntry, problems };
}

/** Σ values (and Σ denominators) of what the grid would save; null when nothing is entered. */
export function gridTotal(
  entries: ValueEntry[],
): { value: number; denominator: number | null } | null {
  if (entries.length === 0) return null;
  const value = entries.reduce((sum, e) => sum + e.value, 0);
  const withDenominator = entries.filter((e) => typeof e.denominator === 'number');
  const denominator = withDenominator.length
    ? withDenominator.reduce((sum, e) => sum + (e.denominator ?? 0), 0)
    : null;
  return { value, denominator };
}

/** A percentage from Σ numerators / Σ denominators (never an average of percentages). */
export function percentOf(value: number, denominator: number | null): number | null {
  return denominator && denominator > 0 ? (value / denominator) * 100 : null;
}
