import type { Comparator } from '../../../common/planning.ts';
import type { Indicator } from './indicator.types.ts';
import type { Fact } from './rollup.facts.ts';
import type { ValueParts } from './view.contracts.ts';

/**
 * Pure aggregation of facts. Every level adds numerators and denominators and divides once at
 * the end — a ratio of sums, never an average of the children's percentages: 9/10 and 10/100 make
 * 19/110 = 17.3 %, not (90 % + 10 %) / 2 = 50 %.
 */

export type Sums = { value: number; denominator: number; rows: number; denominatorRows: number };

const empty = (): Sums => ({ value: 0, denominator: 0, rows: 0, denominatorRows: 0 });

/**
 * Facts of one indicator (and of its denominator indicator, if any) summed per key. Numerators
 * come from the indicator's own facts, denominators from the denominator indicator's values or,
 * without one, from the denominators entered with the numerators.
 */
export function sumFacts<K>(
  indicator: Indicator,
  facts: Fact[],
  keyOf: (fact: Fact) => K,
  category: string | null,
): Map<K, Sums> {
  const sums = new Map<K, Sums>();
  const at = (fact: Fact) => {
    const key = keyOf(fact);
    const s = sums.get(key) ?? empty();
    sums.set(key, s);
    return s;
  };
  for (const fact of facts) {
    if (category !== null && fact.category !== category) continue;
    if (fact.code === indicator.code) {
      const s = at(fact);
      s.value += fact.value;
      s.rows += 1;
      if (!indicator.denominatorIndicator && fact.denominator !== null) {
        s.denominator += fact.denominator;
        s.denominatorRows += 1;
      }
    } else if (fact.code === indicator.denominatorIndicator) {
      const s = at(fact);
      s.denominator += fact.value;
      s.denominatorRows += 1;
    }
  }
  return sums;
}

export function addSums(all: Iterable<Sums>): Sums {
  const total = empty();
  for (const s of all) {
    total.value += s.value;
    total.denominator += s.denominator;
    total.rows += s.rows;
    total.denominatorRows += s.denominatorRows;
  }
  return total;
}

/**
 * The value of summed facts. Sums: the total (a stock with no value at all is null, a flow 0);
 * rates: the count divided by the periods elapsed (numerator and denominator say so); ratios:
 * 100 × Σ numerators / Σ denominators, null without a denominator.
 */
export function partsOf(indicator: Indicator, sums: Sums | undefined, periods: number): ValueParts {
  const s = sums ?? empty();
  if (indicator.aggregation === 'ratio') {
    return {
      value: s.denominator > 0 ? (100 * s.value) / s.denominator : null,
      numerator: s.rows > 0 ? s.value : 0,
      denominator: s.denominatorRows > 0 ? s.denominator : null,
    };
  }
  if (indicator.measure === 'count_per_period') {
    return { value: s.value / periods, numerator: s.value, denominator: periods };
  }
  const hasValue = s.rows > 0 || indicator.accumulation === 'flow';
  return { value: hasValue ? s.value : null, numerator: null, denominator: null };
}

/** A share of units: 100 × met / counted, null when no unit is counted. */
export function shareParts(met: number, total: number): ValueParts {
  return { value: total > 0 ? (100 * met) / total : null, numerator: met, denominator: total };
}

export function meets(comparator: Comparator, value: number | null, threshold: number): boolean {
  if (value === null) return false;
  switch (comparator) {
    case 'gte':
      return value >= threshold;
    case 'lte':
      return value <= threshold;
    case 'eq':
      return value === threshold;
  }
}

/** The child of the root a path counts under (the root's own path for the root itself). */
export function bucketOf(path: string, rootPath: string): string {
  const level = rootPath.split('.').length;
  const labels = path.split('.');
  return labels.length > level ? labels.slice(0, level + 1).join('.') : path;
}

/** The value of an indicator with no facts at all. */
export function emptyParts(indicator: Indicator, periods: number): ValueParts {
  return indicator.aggregation === 'share_of_units'
    ? shareParts(0, 0)
    : partsOf(indicator, undefined, periods);
}
