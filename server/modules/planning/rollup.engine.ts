import { periodsElapsed } from '../../../common/period.ts';
import type { Comparator } from '../../../common/planning.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import { findUnitAsOf } from '../org/index.ts';
import type { Catalogue } from './catalogue.service.ts';
import type { Indicator } from './indicator.types.ts';
import { addSums, bucketOf, meets, partsOf, shareParts, sumFacts } from './rollup.aggregate.ts';
import type { CandidateSet, Fact, Window } from './rollup.facts.ts';
import {
  candidateBuckets,
  childBuckets,
  collectFacts,
  findCandidatePaths,
} from './rollup.facts.ts';
import type { ValueParts } from './view.contracts.ts';

/**
 * Live rollups of many indicators at once, for one unit. Specs sharing a window share their
 * queries: one grouped query for all reported indicators bucketed by child, one per computed
 * indicator, and one per set of candidate units for shares — never one query per child.
 */

export type RollupSpec = {
  key: string;
  indicator: Indicator;
  window: Window;
  category: string | null;
  /** A target set for each unit below: also count the candidates that meet it themselves. */
  perUnit?: { comparator: Comparator; value: number; candidates: CandidateSet };
};

export type RollupResult = {
  /** The tree is read as it stood on this date: the window's end, or asOf if earlier. */
  treeDate: IsoDate;
  /** The unit's path on the tree date; null when it did not exist then. */
  rootPath: string | null;
  total: ValueParts;
  /** Per child of the unit (by its path on the tree date). */
  byChild: Map<string, ValueParts>;
  byCategory: Map<string | null, ValueParts>;
  unitsMeeting: { met: number; total: number } | null;
};

type Need = {
  spec: RollupSpec;
  base: Indicator;
  comparator: Comparator;
  threshold: number;
  category: string | null;
  candidates: CandidateSet;
  kind: 'share' | 'perUnit';
};

function needsOf(catalogue: Catalogue, spec: RollupSpec): Need[] {
  const needs: Need[] = [];
  const { indicator } = spec;
  if (indicator.aggregation === 'share_of_units' && indicator.condition) {
    const c = indicator.condition;
    needs.push({
      spec,
      base: catalogue.get(c.indicator)!,
      comparator: c.comparator,
      threshold: c.value,
      category: null,
      candidates: c.unitKinds,
      kind: 'share',
    });
  }
  if (spec.perUnit && indicator.aggregation !== 'share_of_units') {
    needs.push({
      spec,
      base: indicator,
      comparator: spec.perUnit.comparator,
      threshold: spec.perUnit.value,
      category: spec.category,
      candidates: spec.perUnit.candidates,
      kind: 'perUnit',
    });
  }
  return needs;
}

const codesOf = (indicators: Indicator[]) =>
  indicators.flatMap((i) => (i.denominatorIndicator ? [i.code, i.denominatorIndicator] : [i.code]));

export async function evaluateRollups(
  db: Db,
  catalogue: Catalogue,
  rootId: string,
  asOf: IsoDate,
  specs: RollupSpec[],
  /**
   * `national: false` reads every fact per unit even for the whole country, `probe: false` lets
   * the planner scan the window's values below it (the tests compare).
   */
  options: { national?: boolean; probe?: boolean } = {},
): Promise<Map<string, RollupResult>> {
  const results = new Map<string, RollupResult>();
  const groups = new Map<string, RollupSpec[]>();
  for (const spec of specs) {
    const key = `${spec.window.from}|${spec.window.to}`;
    groups.set(key, [...(groups.get(key) ?? []), spec]);
  }
  for (const group of groups.values()) {
    const window = group[0]!.window;
    const treeDate = window.to < asOf ? window.to : asOf;
    const root = await findUnitAsOf(db, rootId, treeDate);
    // Below the whole country a subtree is a small share of the units: probe them one by one.
    const probe = root !== null && root.path.includes('.') && options.probe !== false;
    const scope = { window, treeDate, asOf, probe };
    // Asked for every child of every spec (14,000 times for a province's report): once per type.
    const elapsed = new Map<string, number>();
    const periods = (i: Indicator) => {
      let n = elapsed.get(i.periodType);
      if (n === undefined) {
        n = periodsElapsed(i.periodType, window, asOf);
        elapsed.set(i.periodType, n);
      }
      return n;
    };
    for (const spec of group) {
      results.set(spec.key, {
        treeDate,
        rootPath: root?.path ?? null,
        total:
          spec.indicator.aggregation === 'share_of_units'
            ? shareParts(0, 0)
            : partsOf(spec.indicator, undefined, periods(spec.indicator)),
        byChild: new Map(),
        byCategory: new Map(),
        unitsMeeting: null,
      });
    }
    if (!root) continue;

    const plain = group.filter((s) => s.indicator.aggregation !== 'share_of_units');
    const plainCodes = codesOf(plain.map((s) => s.indicator));
    // A level-1 root (the whole country) is answered from the per-province aggregates.
    const national =
      root.path.includes('.') || options.national === false ? undefined : { rootPath: root.path };
    const facts = await collectFacts(db, catalogue, plainCodes, {
      ...scope,
      subtree: childBuckets(root.path, treeDate),
      ...(national ? { national } : {}),
    });
    // Each spec sums only its own codes' facts (a province's are 13,000 for 20 indicators), in
    // the order read, so the sums are the same to the last bit.
    const byCode = new Map<string, Fact[]>();
    for (const f of facts) {
      const list = byCode.get(f.code);
      if (list) list.push(f);
      else byCode.set(f.code, [f]);
    }
    const factsOf = (i: Indicator) =>
      i.denominatorIndicator && i.denominatorIndicator !== i.code
        ? [...(byCode.get(i.code) ?? []), ...(byCode.get(i.denominatorIndicator) ?? [])]
        : (byCode.get(i.code) ?? []);
    for (const spec of plain) {
      const result = results.get(spec.key)!;
      const own = factsOf(spec.indicator);
      const byBucket = sumFacts(spec.indicator, own, (f) => f.unitPath, spec.category);
      result.total = partsOf(spec.indicator, addSums(byBucket.values()), periods(spec.indicator));
      for (const [path, sums] of byBucket) {
        if (path !== root.path) {
          result.byChild.set(path, partsOf(spec.indicator, sums, periods(spec.indicator)));
        }
      }
      const byCategory = sumFacts(spec.indicator, own, (f) => f.category, null);
      for (const [category, sums] of byCategory) {
        result.byCategory.set(category, partsOf(spec.indicator, sums, periods(spec.indicator)));
      }
    }

    const needs = group.flatMap((s) => needsOf(catalogue, s));
    const bySet = new Map<string, Need[]>();
    for (const need of needs) {
      const key = JSON.stringify(need.candidates);
      bySet.set(key, [...(bySet.get(key) ?? []), need]);
    }
    for (const setNeeds of bySet.values()) {
      const candidates = setNeeds[0]!.candidates;
      const paths = await findCandidatePaths(db, root.path, candidates, treeDate);
      const needCodes = codesOf(setNeeds.map((n) => n.base));
      let candidateFacts: Fact[] = [];
      if (paths.length && candidates === 'children') {
        // Buckets by child are the children's own buckets minus the root's own values: reuse the
        // facts already read, and read only the codes not among them.
        const missing = needCodes.filter((c) => !plainCodes.includes(c));
        const extra = missing.length
          ? await collectFacts(db, catalogue, missing, {
              ...scope,
              subtree: childBuckets(root.path, treeDate),
              ...(national ? { national } : {}),
            })
          : [];
        const wanted = new Set(needCodes);
        candidateFacts = [...facts, ...extra].filter(
          (f) => f.unitPath !== root.path && wanted.has(f.code),
        );
      } else if (paths.length) {
        candidateFacts = await collectFacts(db, catalogue, needCodes, {
          ...scope,
          subtree: candidateBuckets(root.path, candidates, treeDate),
        });
      }
      for (const need of setNeeds)
        applyNeed(need, paths, candidateFacts, root.path, periods, results);
    }
  }
  return results;
}

function applyNeed(
  need: Need,
  candidatePaths: string[],
  facts: Fact[],
  rootPath: string,
  periods: (i: Indicator) => number,
  results: Map<string, RollupResult>,
): void {
  const sums = sumFacts(need.base, facts, (f) => f.unitPath, need.category);
  const perChild = new Map<string, { met: number; total: number }>();
  let met = 0;
  for (const path of candidatePaths) {
    const value = partsOf(need.base, sums.get(path), periods(need.base)).value;
    const ok = meets(need.comparator, value, need.threshold);
    const child = bucketOf(path, rootPath);
    const counts = perChild.get(child) ?? { met: 0, total: 0 };
    counts.total += 1;
    if (ok) counts.met += 1;
    perChild.set(child, counts);
    if (ok) met += 1;
  }
  const result = results.get(need.spec.key)!;
  if (need.kind === 'perUnit') {
    result.unitsMeeting = { met, total: candidatePaths.length };
    return;
  }
  result.total = shareParts(met, candidatePaths.length);
  for (const [child, counts] of perChild) {
    if (child !== rootPath) result.byChild.set(child, shareParts(counts.met, counts.total));
  }
}
