import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { EventBody, EventList, History } from './org.test-helpers.ts';
import { buildNation, call, ok } from './org.test-helpers.ts';

describe('GET /units/:id/history and GET /restructure/events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function restructured() {
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const post = async (path: string, body: Record<string, unknown>) =>
      ok(await call<EventBody>(t, 'POST', path, admin.cookie, { reason: 'Sắp xếp', ...body }), 201)
        .event;
    const rename = await post('/restructure/rename', {
      effectiveDate: '2024-01-01',
      unitId: n.districtA.id,
      name: `Thị đoàn Alpha ${n.suffix}`,
      shortName: 'Thị đoàn Alpha',
    });
    const move = await post('/restructure/move', {
      effectiveDate: '2025-03-01',
      unitId: n.a1.id,
      newParentId: n.districtB.id,
    });
    const close = await post('/restructure/close', {
      effectiveDate: '2025-07-01',
      unitId: n.districtB.id,
      successorId: n.provinceB.id,
    });
    return { n, admin, rename, move, close };
  }

  it('lists a unit’s versions with its parent’s name of the day, and the events that touched it', async () => {
    const { n, admin, rename, move, close } = await restructured();
    const history = ok(await call<History>(t, 'GET', `/units/${n.a1.id}/history`, admin.cookie));
    expect(history.versions).toEqual([
      {
        validFrom: '2020-01-01',
        validTo: '2025-03-01',
        name: n.a1.name,
        shortName: n.a1.name,
        kind: 'grassroots',
        parentId: n.districtA.id,
        parentName: n.districtA.name,
      },
      {
        validFrom: '2025-03-01',
        validTo: '2025-07-01',
        name: n.a1.name,
        shortName: n.a1.name,
        kind: 'grassroots',
        parentId: n.districtB.id,
        parentName: n.districtB.name,
      },
      {
        validFrom: '2025-07-01',
        validTo: null,
        name: n.a1.name,
        shortName: n.a1.name,
        kind: 'grassroots',
        parentId: n.provinceB.id,
        parentName: n.provinceB.name,
      },
    ]);
    // Only events that name the unit; the rename of its old district is not among them.
    expect(history.events.map((e) => e.id)).toEqual([move.id]);
    expect(history.events[0]).toMatchObject({
      kind: 'move',
      effectiveDate: '2025-03-01',
      reason: 'Sắp xếp',
    });

    const district = ok(
      await call<History>(t, 'GET', `/units/${n.districtA.id}/history`, admin.cookie),
    );
    expect(district.versions.map((v) => [v.validFrom, v.name])).toEqual([
      ['2020-01-01', n.districtA.name],
      ['2024-01-01', `Thị đoàn Alpha ${n.suffix}`],
    ]);
    expect(district.events.map((e) => e.id)).toEqual([move.id, rename.id]);

    // A closed unit keeps its history, visible through its last path.
    const closed = ok(
      await call<History>(t, 'GET', `/units/${n.districtB.id}/history`, admin.cookie),
    );
    expect(closed.versions.at(-1)!.validTo).toBe('2025-07-01');
    expect(closed.events.map((e) => e.kind)).toEqual(['close', 'move']);
    expect(closed.events[0]!.id).toBe(close.id);
  });

  it('lists events by unit or across the actor’s subtrees, and hides other subtrees', async () => {
    const { n, admin, rename, move, close } = await restructured();
    const byUnit = ok(
      await call<EventList>(t, 'GET', `/restructure/events?unitId=${n.provinceB.id}`, admin.cookie),
    );
    expect(byUnit.items.map((e) => e.id)).toEqual([close.id]);
    const all = ok(await call<EventList>(t, 'GET', '/restructure/events', admin.cookie));
    expect(all.items.map((e) => e.id)).toEqual(
      expect.arrayContaining([close.id, move.id, rename.id]),
    );

    const provinceAViewer = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'viewer' }]);
    const mine = ok(await call<EventList>(t, 'GET', '/restructure/events', provinceAViewer.cookie));
    expect(mine.items.map((e) => e.id).sort()).toEqual([move.id, rename.id].sort());

    const outsider = await buildNation(t.deps.db);
    const stranger = await buildUser(t.deps.db, [{ unit: outsider.central, role: 'admin' }]);
    const none = ok(await call<EventList>(t, 'GET', '/restructure/events', stranger.cookie));
    expect(none.items).toEqual([]);
    for (const url of [`/units/${n.a1.id}/history`, `/restructure/events?unitId=${n.a1.id}`]) {
      const res = await call(t, 'GET', url, stranger.cookie);
      expect(res.status).toBe(404);
    }
    const bad = await call(t, 'GET', '/restructure/events?unitId=abc', admin.cookie);
    expect(bad.body.error?.code).toBe('validation_failed');
  });
});
