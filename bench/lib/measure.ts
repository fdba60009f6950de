import fs from 'node:fs';
import type { Database } from '../../server/kernel/db/client.ts';
import { todayInVietnam } from '../../server/kernel/clock.ts';
import type { QueryVariant, SearchTerm } from './org-queries.ts';
import { countSubtreeUnits, findSubtreeAsOf } from '../../server/modules/org/index.ts';
import { findPeoplePage } from '../../server/modules/people/people.search.ts';
import {
  actorOver,
  ISSUE_SHAPE,
  PAGE_SIZE,
  searchPeople,
  subtreeCount,
  treeAsOf,
} from './org-queries.ts';
import { rawQuery } from './raw.ts';
import { sample } from './stats.ts';
import type { ProvinceRef, SyntheticOrg } from './synthetic-org.ts';
import { DAY_BEFORE_RESTRUCTURE } from './synthetic-org.ts';

/** One measured figure: its samples (ms), the target it is held to, and what it returned. */
export type Measure = {
  key: string;
  label: string;
  /** Target in ms on `targetOn`, when the issue sets one. */
  target?: number;
  targetOn?: 'p50' | 'p95';
  samples: number[];
  /** Rows returned (a: the count itself), for the record: min–max over the runs. */
  rows: [number, number];
  /** Part of the issue's acceptance mix (stress extras are not). */
  core: boolean;
};

export type MeasureOptions = { runs: number; warmups: number };

/**
 * Which figures to take: (a), (b), the issue's search mix and the extra terms in the issue's
 * query shape, and `modules`: the same three through the committed module functions.
 */
export type Parts = {
  a: boolean;
  b: boolean;
  search: boolean;
  stress: boolean;
  modules: boolean;
  /** Scopes searched in the issue's shape (both unless said). */
  scopes?: ('province' | 'central')[];
};
export const ALL_PARTS: Parts = { a: true, b: true, search: true, stress: true, modules: true };

/** Stress terms are slow by nature and only indicative: fewer runs. */
const STRESS_RUNS = 10;
/** Time allowed per measured query before a slow one stops early (keeps the run near 15 min). */
const BUDGET = { budgetMs: 15_000, minRuns: 10 };
const STRESS_BUDGET = { budgetMs: 10_000, minRuns: 5 };

/** The issue's mix: a full name, a given name, a rare name, a phone prefix. */
export const CORE_TERMS: SearchTerm[] = [
  { label: 'full name "Nguyễn Văn An"', name: 'Nguyễn Văn An' },
  { label: 'given name "thao"', name: 'thao' },
  { label: 'rare name "Lý Thị Khuê"', name: 'Lý Thị Khuê' },
  { label: 'phone prefix "09"', phone: '09' },
];

/** Outside the issue's mix, reported apart: the worst cases, and a selective phone prefix. */
export const STRESS_TERMS: SearchTerm[] = [
  { label: 'family name "nguyen" (38 %)', name: 'nguyen' },
  { label: 'phone prefix "09123"', phone: '09123' },
];

function rowsRange(counts: number[]): [number, number] {
  return [Math.min(...counts), Math.max(...counts)];
}

/** Provinces in rotation, so each run hits another subtree; at least one run per province. */
function rotation(provinces: ProvinceRef[], runs: number) {
  return {
    runs: Math.max(runs, provinces.length),
    at: (i: number) => provinces[i % provinces.length]!,
  };
}

export async function measureOrgQueries(
  database: Database,
  org: SyntheticOrg,
  options: MeasureOptions,
  parts: Parts = ALL_PARTS,
  variant: QueryVariant = ISSUE_SHAPE,
): Promise<Measure[]> {
  const { db } = database;
  const today = todayInVietnam();
  const out: Measure[] = [];
  const rot = rotation(org.provinces, options.runs);

  if (parts.a) {
    const counts: number[] = [];
    const a = await sample(rot.runs, options.warmups, async (i) => {
      const [row] = await subtreeCount(db, rot.at(i).path, today);
      counts.push(Number(row!.n));
    });
    out.push({
      key: 'a',
      label: `(a) subtree unit count of a province on ${today}`,
      target: 50,
      targetOn: 'p50',
      samples: a,
      rows: rowsRange(counts),
      core: true,
    });
  }
  if (parts.b) {
    const sizes: number[] = [];
    const b = await sample(rot.runs, options.warmups, async (i) => {
      const rows = await treeAsOf(db, rot.at(i).path, DAY_BEFORE_RESTRUCTURE, variant);
      sizes.push(rows.length);
    });
    out.push({
      key: 'b',
      label: `(b) as-of tree of a province on ${DAY_BEFORE_RESTRUCTURE}`,
      target: 200,
      targetOn: 'p50',
      samples: b,
      rows: rowsRange(sizes),
      core: true,
    });
  }

  const central = actorOver(org.central.id, org.central.path);
  const groups: [SearchTerm[], boolean][] = [];
  if (parts.search) groups.push([CORE_TERMS, true]);
  if (parts.stress) groups.push([STRESS_TERMS, false]);
  for (const [terms, core] of groups) {
    const runs = core ? options.runs : Math.min(options.runs, STRESS_RUNS);
    const warmups = core ? options.warmups : Math.min(options.warmups, 1);
    for (const term of terms) {
      for (const scope of parts.scopes ?? (['province', 'central'] as const)) {
        const found: number[] = [];
        const times = await sample(
          runs,
          warmups,
          async (i) => {
            const p = rot.at(i);
            const actor = scope === 'central' ? central : actorOver(p.id, p.path);
            const provinceIds = scope === 'central' ? undefined : [p.id];
            const rows = await searchPeople(db, actor, term, today, variant, provinceIds);
            found.push(rows.length);
          },
          core ? BUDGET : STRESS_BUDGET,
        );
        out.push({
          key: `c:${scope}:${term.label}`,
          label: `(c) ${scope === 'central' ? 'whole country' : 'province'}: ${term.label}`,
          ...(core ? { target: 100, targetOn: 'p95' as const } : {}),
          samples: times,
          rows: rowsRange(found),
          core,
        });
      }
    }
  }
  if (parts.modules) out.push(...(await measureModules(database, org, options, parts.stress)));
  return out;
}

/**
 * The same figures through the functions the modules ship: org countSubtreeUnits (units strictly
 * below the root) and findSubtreeAsOf (two statements, parents first, with identities), and
 * people findPeoplePage, which plans each search (ordered walk, sort, or a bounded id probe).
 */
async function measureModules(
  database: Database,
  org: SyntheticOrg,
  options: MeasureOptions,
  stress: boolean,
): Promise<Measure[]> {
  const { db } = database;
  const today = todayInVietnam();
  const rot = rotation(org.provinces, options.runs);
  const out: Measure[] = [];
  const counts: number[] = [];
  const a = await sample(rot.runs, options.warmups, async (i) => {
    counts.push(await countSubtreeUnits(db, rot.at(i).path, today));
  });
  out.push({
    key: 'm:a',
    label: '(a) org module: countSubtreeUnits',
    target: 50,
    targetOn: 'p50',
    samples: a,
    rows: rowsRange(counts),
    core: true,
  });
  const sizes: number[] = [];
  const b = await sample(rot.runs, options.warmups, async (i) => {
    sizes.push((await findSubtreeAsOf(db, rot.at(i).path, DAY_BEFORE_RESTRUCTURE)).length);
  });
  out.push({
    key: 'm:b',
    label: '(b) org module: findSubtreeAsOf',
    target: 200,
    targetOn: 'p50',
    samples: b,
    rows: rowsRange(sizes),
    core: true,
  });
  const central = actorOver(org.central.id, org.central.path);
  const groups: [SearchTerm[], boolean][] = [[CORE_TERMS, true]];
  if (stress) groups.push([STRESS_TERMS, false]);
  for (const [terms, core] of groups) {
    const runs = core ? options.runs : Math.min(options.runs, STRESS_RUNS);
    const warmups = core ? options.warmups : Math.min(options.warmups, 1);
    for (const term of terms) {
      for (const scope of ['province', 'central'] as const) {
        const found: number[] = [];
        const times = await sample(
          runs,
          warmups,
          async (i) => {
            const p = rot.at(i);
            const actor = scope === 'central' ? central : actorOver(p.id, p.path);
            const q = 'name' in term ? term.name : term.phone;
            const page = await findPeoplePage(db, { actor, today, q }, 1, PAGE_SIZE);
            found.push(page.rows.length + (page.hasMore ? 1 : 0));
          },
          core ? BUDGET : STRESS_BUDGET,
        );
        out.push({
          key: `m:c:${scope}:${term.label}`,
          label: `(c) people module, ${scope === 'central' ? 'whole country' : 'province'}: ${term.label}`,
          ...(core ? { target: 100, targetOn: 'p95' as const } : {}),
          samples: times,
          rows: rowsRange(found),
          core,
        });
      }
    }
  }
  return out;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each measured query on the largest province, into a text file. */
export async function explainOrgQueries(
  database: Database,
  org: SyntheticOrg,
  file: string,
  heading: string,
  variant: QueryVariant = ISSUE_SHAPE,
  parts: Parts = ALL_PARTS,
): Promise<void> {
  const { db } = database;
  const today = todayInVietnam();
  const province = biggestProvince(org);
  const central = actorOver(org.central.id, org.central.path);
  const queries: [string, { toSQL(): { sql: string; params: unknown[] } }][] = [];
  if (parts.a) {
    queries.push([`(a) subtree count, ${province.name}`, subtreeCount(db, province.path, today)]);
  }
  if (parts.b) {
    queries.push([
      `(b) as-of tree, ${province.name}`,
      treeAsOf(db, province.path, DAY_BEFORE_RESTRUCTURE, variant),
    ]);
  }
  const terms = [...(parts.search ? CORE_TERMS : []), ...(parts.stress ? STRESS_TERMS : [])];
  for (const term of terms) {
    queries.push([
      `(c) ${province.name}: ${term.label}`,
      searchPeople(db, actorOver(province.id, province.path), term, today, variant, [province.id]),
    ]);
    queries.push([
      `(c) whole country: ${term.label}`,
      searchPeople(db, central, term, today, variant),
    ]);
  }
  let text = `# ${heading}\n`;
  for (const [title, query] of queries) {
    const q = query.toSQL();
    const plan = await rawQuery<{ 'QUERY PLAN': string }>(
      database,
      `explain (analyze, buffers) ${q.sql}`,
      q.params,
    );
    text += `\n## ${title}\n${q.sql}\n-- params: ${JSON.stringify(q.params)}\n`;
    text += plan.map((r) => r['QUERY PLAN']).join('\n') + '\n';
  }
  fs.appendFileSync(file, text);
}

/** The province with the most unit versions (the heaviest subtree). */
export function biggestProvince(org: SyntheticOrg): ProvinceRef {
  const sizes = new Map<string, number>();
  for (const v of org.versions) {
    const top = v.path.split('.', 2).join('.');
    sizes.set(top, (sizes.get(top) ?? 0) + 1);
  }
  return org.provinces.reduce((best, p) =>
    (sizes.get(p.path) ?? 0) > (sizes.get(best.path) ?? 0) ? p : best,
  );
}
