import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/client.ts';
import { call, ok } from '../../test/api.ts';
import type { BuiltUnit, Nation } from '../../test/factories.ts';
import { buildNation, buildUser, uniqueSuffix } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { closeUnit, mergeUnits, moveUnit, renameUnit, splitUnit, SYSTEM } from '../org/index.ts';
import { commitImport } from './import/commit.ts';
import type { ImportDraft } from './import/validate.ts';
import type { PeopleSelection } from './people.search.ts';
import { findPeoplePage, iteratePeople } from './people.search.ts';
import { addPerson, provinceDrift, searchTag } from './people.test-support.ts';

/**
 * people.province_id (decision 0009): the province of the person's unit in its latest version,
 * right after every write — person create and update, import, and each kind of restructuring —
 * and a scoped search that filters on it returns exactly what the subtree condition alone does.
 */

async function provinceOf(db: Db, personId: string): Promise<string> {
  const result: unknown = await db.execute(
    sql`select province_id from people where id = ${personId}::uuid`,
  );
  return (result as { rows: { province_id: string }[] }).rows[0]!.province_id;
}

function viewerOver(unit: BuiltUnit | { id: string; path: string }): Actor {
  return {
    userId: 'x',
    username: 'x',
    displayName: 'x',
    grants: [{ unitId: unit.id, path: unit.path, role: 'viewer' }],
  };
}

/** Names found by the module's search, every page, and by its export iterator. */
async function searchNames(db: Db, selection: PeopleSelection): Promise<string[]> {
  const names: string[] = [];
  for (let page = 1; ; page++) {
    const { rows, hasMore } = await findPeoplePage(db, selection, page, 2);
    names.push(...rows.map((r) => r.fullName));
    if (!hasMore) break;
  }
  const exported: string[] = [];
  for await (const batch of iteratePeople(db, selection, 3)) {
    exported.push(...batch.map((r) => r.fullName));
  }
  expect(exported).toEqual(names);
  return names;
}

/** The straightforward search without any province filter: scope, today's tree, the term. */
async function referenceNames(db: Db, rootPath: string, term: string, today: string) {
  const result: unknown = await db.execute(sql`
    select p.full_name from people p
    join unit_versions v on v.unit_id = p.unit_id
      and v.valid_from <= ${today}::date and (v.valid_to is null or v.valid_to > ${today}::date)
    where v.path <@ ${rootPath}::ltree and p.search_name like ${`%${term}%`}
    order by p.search_name || '', p.id`);
  return (result as { rows: { full_name: string }[] }).rows.map((r) => r.full_name);
}

describe('people.province_id', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2026-11-22' });
  });
  afterAll(async () => {
    await t.close();
  });

  /** A person in each unit of the nation, named with a tag that only this test uses. */
  async function populate(n: Nation) {
    const tag = searchTag();
    const units = [n.central, n.provinceA, n.districtA, n.a1, n.a2, n.chapter, n.provinceB, n.b1];
    const person: Record<string, string> = {};
    for (const [i, unit] of units.entries()) {
      const row = await addPerson(t.deps.db, unit, { fullName: `${tag} Người ${i}` });
      person[unit.id] = row.id;
    }
    return { tag: tag.toLowerCase(), person };
  }

  const reason = 'Sắp xếp tổ chức bộ máy';

  it('is stamped by create, update (moving unit) and import', async () => {
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const { person: created } = ok(
      await call(t, 'POST', '/people', admin.cookie, {
        unitId: n.chapter.id,
        fullName: 'Phạm Thị Hồng',
        category: 'member',
      }),
      201,
    );
    expect(await provinceOf(t.deps.db, created.id)).toBe(n.provinceA.id);
    ok(await call(t, 'PATCH', `/people/${created.id}`, admin.cookie, { unitId: n.b2.id }));
    expect(await provinceOf(t.deps.db, created.id)).toBe(n.provinceB.id);
    ok(await call(t, 'PATCH', `/people/${created.id}`, admin.cookie, { unitId: n.central.id }));
    expect(await provinceOf(t.deps.db, created.id)).toBe(n.central.id);

    const actor = { ...viewerOver(n.central), userId: admin.id };
    const tag = searchTag();
    const draft = (unit: BuiltUnit, i: number): ImportDraft => ({
      row: i + 2,
      unitId: unit.id,
      fullName: `${tag} Nhập ${i}`,
      category: 'youth',
      isFullTime: null,
      gender: null,
      birthDate: null,
      joinDate: null,
      phone: null,
      idNumber: null,
      email: null,
    });
    await commitImport(t.deps.db, actor, [draft(n.a2, 0), draft(n.b1, 1), draft(n.provinceB, 2)]);
    const imported = await referenceNames(
      t.deps.db,
      n.provinceB.path,
      tag.toLowerCase(),
      t.deps.today(),
    );
    expect(imported).toEqual([`${tag} Nhập 1`, `${tag} Nhập 2`]);
    expect(await provinceDrift(t.deps.db)).toEqual([]);
  });

  it('follows a merge of two provinces, then a split of the merged one', async () => {
    const n = await buildNation(t.deps.db);
    const { tag, person } = await populate(n);
    const merged = await mergeUnits(t.deps.db, SYSTEM, {
      effectiveDate: '2026-03-01',
      reason,
      sourceIds: [n.provinceA.id, n.provinceB.id],
      target: {
        code: `M-${uniqueSuffix()}`,
        name: 'Tỉnh đoàn Hợp Nhất',
        shortName: 'TĐ HN',
        kind: 'province',
        wing: 'doan',
      },
    });
    const c = merged.createdIds[0]!;
    for (const unit of [n.provinceA, n.provinceB, n.a1, n.chapter, n.b1]) {
      expect(await provinceOf(t.deps.db, person[unit.id]!)).toBe(c);
    }
    expect(await provinceOf(t.deps.db, person[n.central.id]!)).toBe(n.central.id);
    expect(await provinceDrift(t.deps.db)).toEqual([]);
    const cUnit = { id: c, path: (await unitPath(t.deps.db, c, '2026-11-22'))! };
    const names = await searchNames(t.deps.db, {
      actor: viewerOver(cUnit),
      today: '2026-11-22',
      q: tag,
    });
    expect(names).toEqual(await referenceNames(t.deps.db, cUnit.path, tag, '2026-11-22'));
    expect(names).toHaveLength(7);

    const split = await splitUnit(t.deps.db, SYSTEM, {
      effectiveDate: '2026-06-01',
      reason,
      sourceId: c,
      targets: [
        {
          code: `S1-${uniqueSuffix()}`,
          name: 'Tỉnh đoàn Một',
          shortName: 'TĐ 1',
          kind: 'province',
          childIds: [n.districtB.id],
        },
        {
          code: `S2-${uniqueSuffix()}`,
          name: 'Tỉnh đoàn Hai',
          shortName: 'TĐ 2',
          kind: 'province',
          childIds: [n.districtA.id],
        },
      ],
    });
    const [one, two] = split.createdIds as [string, string];
    // The merged unit's own people go to the first target; each district's to its new province.
    expect(await provinceOf(t.deps.db, person[n.provinceA.id]!)).toBe(one);
    expect(await provinceOf(t.deps.db, person[n.b1.id]!)).toBe(one);
    expect(await provinceOf(t.deps.db, person[n.a1.id]!)).toBe(two);
    expect(await provinceOf(t.deps.db, person[n.chapter.id]!)).toBe(two);
    expect(await provinceDrift(t.deps.db)).toEqual([]);
  });

  it('follows a move across provinces and a district closed into another province', async () => {
    const n = await buildNation(t.deps.db);
    const { tag, person } = await populate(n);
    await moveUnit(t.deps.db, SYSTEM, {
      effectiveDate: '2026-02-01',
      reason,
      unitId: n.a1.id,
      newParentId: n.districtB.id,
    });
    expect(await provinceOf(t.deps.db, person[n.a1.id]!)).toBe(n.provinceB.id);
    expect(await provinceOf(t.deps.db, person[n.chapter.id]!)).toBe(n.provinceB.id);
    expect(await provinceOf(t.deps.db, person[n.a2.id]!)).toBe(n.provinceA.id);
    expect(await provinceDrift(t.deps.db)).toEqual([]);

    // A rename and a closure inside one province change no province.
    await renameUnit(t.deps.db, SYSTEM, {
      effectiveDate: '2026-03-01',
      reason,
      unitId: n.districtA.id,
      name: 'Huyện đoàn Mới',
      shortName: 'HĐ Mới',
    });
    expect(await provinceDrift(t.deps.db)).toEqual([]);

    await closeUnit(t.deps.db, SYSTEM, {
      effectiveDate: '2026-04-01',
      reason,
      unitId: n.districtA.id,
      successorId: n.provinceB.id,
    });
    expect(await provinceOf(t.deps.db, person[n.districtA.id]!)).toBe(n.provinceB.id);
    expect(await provinceOf(t.deps.db, person[n.a2.id]!)).toBe(n.provinceB.id);
    expect(await provinceOf(t.deps.db, person[n.provinceA.id]!)).toBe(n.provinceA.id);
    expect(await provinceDrift(t.deps.db)).toEqual([]);

    for (const unit of [n.provinceA, n.provinceB, n.districtB, n.a1]) {
      const names = await searchNames(t.deps.db, {
        actor: viewerOver(n.central),
        unitPath: (await unitPath(t.deps.db, unit.id, '2026-11-22'))!,
        today: '2026-11-22',
        q: tag,
      });
      expect(names).toEqual(
        await referenceNames(
          t.deps.db,
          (await unitPath(t.deps.db, unit.id, '2026-11-22'))!,
          tag,
          '2026-11-22',
        ),
      );
    }
  });

  it('a move recorded for a later date: today’s searches still find the people where they are today', async () => {
    const n = await buildNation(t.deps.db);
    const { tag, person } = await populate(n);
    await moveUnit(t.deps.db, SYSTEM, {
      effectiveDate: '2027-01-01',
      reason,
      unitId: n.a1.id,
      newParentId: n.districtB.id,
    });
    // Stamped with the recorded shape already (no job runs when the date comes) …
    expect(await provinceOf(t.deps.db, person[n.a1.id]!)).toBe(n.provinceB.id);
    expect(await provinceDrift(t.deps.db)).toEqual([]);
    const today = t.deps.today();
    const inA = await searchNames(t.deps.db, { actor: viewerOver(n.provinceA), today, q: tag });
    const inB = await searchNames(t.deps.db, { actor: viewerOver(n.provinceB), today, q: tag });
    // … yet today a1 and its chapter are in province A, and the search says so.
    expect(inA).toEqual(await referenceNames(t.deps.db, n.provinceA.path, tag, today));
    expect(inA).toHaveLength(5);
    expect(inB).toEqual(await referenceNames(t.deps.db, n.provinceB.path, tag, today));
    expect(inB).toHaveLength(2);

    t.setToday('2027-01-02');
    try {
      const later = t.deps.today();
      const pathA = (await unitPath(t.deps.db, n.provinceA.id, later))!;
      const pathB = (await unitPath(t.deps.db, n.provinceB.id, later))!;
      const laterA = await searchNames(t.deps.db, {
        actor: viewerOver(n.provinceA),
        today: later,
        q: tag,
      });
      const laterB = await searchNames(t.deps.db, {
        actor: viewerOver(n.provinceB),
        today: later,
        q: tag,
      });
      expect(laterA).toEqual(await referenceNames(t.deps.db, pathA, tag, later));
      expect(laterA).toHaveLength(3);
      expect(laterB).toEqual(await referenceNames(t.deps.db, pathB, tag, later));
      expect(laterB).toHaveLength(4);
    } finally {
      t.setToday('2026-11-22');
    }
  });

  it('an actor over two provinces and a scope below province level see exactly their subtrees', async () => {
    const n = await buildNation(t.deps.db);
    const { tag } = await populate(n);
    const both: Actor = {
      ...viewerOver(n.provinceA),
      grants: [
        { unitId: n.a1.id, path: n.a1.path, role: 'viewer' },
        { unitId: n.provinceB.id, path: n.provinceB.path, role: 'viewer' },
      ],
    };
    const today = t.deps.today();
    const names = await searchNames(t.deps.db, { actor: both, today, q: tag });
    const expected = [
      ...(await referenceNames(t.deps.db, n.a1.path, tag, today)),
      ...(await referenceNames(t.deps.db, n.provinceB.path, tag, today)),
    ];
    expect([...names].sort()).toEqual([...expected].sort());
    expect(names).toHaveLength(4);
    const below = await searchNames(t.deps.db, { actor: viewerOver(n.districtA), today, q: tag });
    expect(below).toEqual(await referenceNames(t.deps.db, n.districtA.path, tag, today));
    expect(below).toHaveLength(4);
  });
});

async function unitPath(db: Db, unitId: string, date: string): Promise<string | undefined> {
  const result: unknown = await db.execute(sql`
    select path::text as path from unit_versions where unit_id = ${unitId}::uuid
      and valid_from <= ${date}::date and (valid_to is null or valid_to > ${date}::date)`);
  return (result as { rows: { path: string }[] }).rows[0]?.path;
}
