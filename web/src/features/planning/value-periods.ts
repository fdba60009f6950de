import type { Period, PeriodType } from '../../../../common/period.ts';
import type { ValueView } from './planning.types.ts';
import {
  addDays,
  formatPeriod,
  parsePeriodKey,
  periodContaining,
} from '../../../../common/period.ts';

/**
 * Which periods a unit may enter an indicator's values for. Rollups add up (flows) or take the
 * latest (stocks) of the values inside a target's window, so an indicator followed by the year
 * also accepts six months, quarters and months, as the plans report them ("Quý II/2026"); a
 * weekly rate also accepts months (a month's count, divided by the weeks elapsed).
 */
type EntryPeriodType = Exclude<PeriodType, 'multi_year'>;

const ENTRY_TYPES: Record<PeriodType, EntryPeriodType[]> = {
  day: ['day'],
  week: ['week', 'month'],
  month: ['month'],
  quarter: ['quarter', 'month'],
  half_year: ['half_year', 'quarter', 'month'],
  year: ['year', 'half_year', 'quarter', 'month'],
  // No indicator is followed over several years; their values are entered year by year.
  multi_year: ['year'],
};

/** How many past periods of each type the picker offers (a period further back: by URL). */
const RECENT: Record<EntryPeriodType, number> = {
  day: 31,
  week: 16,
  month: 18,
  quarter: 8,
  half_year: 6,
  year: 6,
};

function isPeriodType(type: string): type is PeriodType {
  return type in ENTRY_TYPES;
}

/** The period types an indicator's values may be entered by, its own first. */
export function entryPeriodTypes(indicatorPeriodType: string): EntryPeriodType[] {
  return isPeriodType(indicatorPeriodType) ? ENTRY_TYPES[indicatorPeriodType] : ['year'];
}

/** The periods of a type offered for entry: begun by `today` (the server refuses later ones), newest first. */
export function recentPeriods(
  type: EntryPeriodType,
  today: string,
  count = RECENT[type],
): Period[] {
  const periods: Period[] = [];
  let period = periodContaining(type, today);
  while (periods.length < count) {
    periods.push(period);
    period = periodContaining(type, addDays(period.from, -1));
  }
  return periods;
}

/**
 * The period a page shows for an indicator: the one in the URL when the indicator accepts its
 * type and it has begun, else the current period of the indicator's own type.
 */
export function chosenPeriod(
  indicatorPeriodType: string,
  key: string | null,
  today: string,
): Period {
  const types = entryPeriodTypes(indicatorPeriodType);
  const asked = key ? parsePeriodKey(key) : null;
  if (asked && (types as PeriodType[]).includes(asked.type) && asked.from <= today) return asked;
  return periodContaining(types[0]!, today);
}

/** Options for the period select: the recent periods, plus the chosen one if it is older. */
export function periodOptions(type: EntryPeriodType, chosen: Period, today: string) {
  const periods = recentPeriods(type, today);
  if (chosen.type === type && !periods.some((p) => p.key === chosen.key)) periods.push(chosen);
  return periods.map((p) => ({ value: p.key, label: formatPeriod(p) }));
}

export type EnteredPeriod = {
  key: string;
  label: string;
  from: string;
  value: number;
  denominator: number | null;
};

/**
 * The periods a unit has already entered an indicator for, newest first, each with its total
 * (Σ values, Σ denominators): shown beside the form so that a year is not entered over its quarters.
 */
export function enteredPeriods(values: ValueView[]): EnteredPeriod[] {
  const byKey = new Map<string, EnteredPeriod>();
  for (const v of values) {
    const key = v.period.key ?? v.period.from;
    const found = byKey.get(key) ?? {
      key,
      label: v.period.label,
      from: v.period.from,
      value: 0,
      denominator: null,
    };
    found.value += v.value;
    if (v.denominator !== null) found.denominator = (found.denominator ?? 0) + v.denominator;
    byKey.set(key, found);
  }
  return [...byKey.values()].sort((a, b) =>
    a.from === b.from ? a.key.localeCompare(b.key) : b.from.localeCompare(a.from),
  );
}
