import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/auth/actor.ts';
import { buildSubtree } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { PeopleSelection, SearchTuning } from './people.search.ts';
import { findPeoplePage, iteratePeople, SEARCH_TUNING } from './people.search.ts';
import { addPerson, searchTag } from './people.test-support.ts';

/**
 * The search picks a plan per query (ordered walk, filter-then-sort, or a known id list). The
 * plan changes the speed only: every plan must return exactly the same rows in the same order.
 */
describe('people search plans', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2026-11-22' });
  });
  afterAll(async () => {
    await t.close();
  });

  const tunings: Record<string, SearchTuning> = {
    'default (small scope → sort)': SEARCH_TUNING,
    'ids (rare term)': { smallScopeUnits: 0, clusterNames: 1_000_000, probeCap: 1_000_000 },
    'walk (common, spread)': { smallScopeUnits: 0, clusterNames: 1_000_000, probeCap: 1 },
    'sort (clustered)': { smallScopeUnits: 0, clusterNames: 1, probeCap: 1_000_000 },
  };

  it('returns the same pages and the same export whatever the plan', async () => {
    const tree = await buildSubtree(t.deps.db);
    const other = await buildSubtree(t.deps.db);
    const tag = searchTag().toLowerCase();
    const names = [
      `${tag} Nguyễn Văn An`,
      `Bùi ${tag} Hà`,
      `Trần Thị ${tag}`,
      `Âu ${tag}`,
      `Lê Văn Bình ${tag}`,
      `${tag} Nguyễn Thị Ánh`,
      `Vũ ${tag}b`,
    ];
    for (const [i, name] of names.entries()) {
      await addPerson(t.deps.db, i % 2 ? tree.chapter : tree.b, { fullName: name });
    }
    await addPerson(t.deps.db, other.a, { fullName: `${tag} Người Ngoài` });
    const actor: Actor = {
      userId: 'x',
      username: 'x',
      displayName: 'x',
      grants: [{ unitId: tree.root.id, path: tree.root.path, role: 'viewer' }],
    };
    const expected = names
      .map((n) =>
        n
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/đ/gi, 'd')
          .toLowerCase(),
      )
      .sort();

    for (const q of [tag, `${tag} nguyen`, `nguyen van an`.slice(0, 3)]) {
      for (const selection of [
        { actor, today: '2026-11-22', q } satisfies PeopleSelection,
        { actor, today: '2026-11-22', q, unitPath: tree.root.path } satisfies PeopleSelection,
      ]) {
        const results: Record<string, string[]> = {};
        for (const [name, tuning] of Object.entries(tunings)) {
          const pages: string[] = [];
          for (let page = 1; page <= 4; page++) {
            const { rows, hasMore } = await findPeoplePage(t.deps.db, selection, page, 2, tuning);
            pages.push(...rows.map((r) => r.searchName));
            if (!hasMore) break;
          }
          const exported: string[] = [];
          for await (const batch of iteratePeople(t.deps.db, selection, 2, tuning)) {
            exported.push(...batch.map((r) => r.searchName));
          }
          expect(exported, `${name}, export, q=${q}`).toEqual(pages);
          results[name] = pages;
        }
        const first = Object.values(results)[0]!;
        for (const [name, pages] of Object.entries(results))
          expect(pages, `${name}, q=${q}`).toEqual(first);
        // The order itself is the database collation's; the set must be exactly the subtree's matches.
        if (q === tag) expect([...first].sort()).toEqual(expected);
      }
    }
  });

  it('finds nothing quickly when a rare term matches no one', async () => {
    const tree = await buildSubtree(t.deps.db);
    const actor: Actor = {
      userId: 'x',
      username: 'x',
      displayName: 'x',
      grants: [{ unitId: tree.root.id, path: tree.root.path, role: 'viewer' }],
    };
    const selection = { actor, today: '2026-11-22', q: `khong ai ${searchTag()}` };
    const tuning = tunings['ids (rare term)']!;
    expect(await findPeoplePage(t.deps.db, selection, 1, 20, tuning)).toEqual({
      rows: [],
      hasMore: false,
    });
    const batches: unknown[] = [];
    for await (const batch of iteratePeople(t.deps.db, selection, 10, tuning)) batches.push(batch);
    expect(batches).toEqual([]);
  });
});
