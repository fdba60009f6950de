import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit, buildUser, uniqueSuffix } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { Detail, EventBody } from './org.test-helpers.ts';
import {
  buildNation,
  call,
  expectRejectedUnchanged,
  misPathedOpenVersions,
  ok,
  readTree,
} from './org.test-helpers.ts';

describe('POST /restructure/split', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const reason = 'Chia tách huyện đoàn';
  const newTarget = (name: string, childIds: string[]) => ({
    code: `S-${uniqueSuffix()}`,
    name,
    shortName: name.replace('Huyện đoàn ', 'HĐ '),
    kind: 'district',
    childIds,
  });

  it('splits a district: children go to the target listing them (unlisted to the first), people to the first', async () => {
    const n = await buildNation(t.deps.db);
    const extra = await buildUnit(t.deps.db, {
      parent: n.districtA,
      name: `Đoàn xã Cuối ${n.suffix}`,
    });
    await buildPerson(t.deps.db, n.districtA, { fullName: 'Đặng Văn Lâm' });
    const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
    const before = await readTree(t, admin.cookie, n.provinceA.id, '2025-06-30');

    const { event } = ok(
      await call<EventBody>(t, 'POST', '/restructure/split', admin.cookie, {
        effectiveDate: '2025-07-01',
        reason,
        sourceId: n.districtA.id,
        targets: [newTarget('Huyện đoàn Bắc', [n.a2.id]), newTarget('Huyện đoàn Nam', [n.a1.id])],
      }),
      201,
    );
    expect(event.kind).toBe('split');
    expect(event.units.map((u) => u.role)).toEqual(['source', 'target', 'target', 'parent']);
    const [north, south] = event.units.filter((u) => u.role === 'target');

    expect(await readTree(t, admin.cookie, n.provinceA.id, '2025-06-30')).toEqual(before);
    expect(await readTree(t, admin.cookie, n.provinceA.id, '2025-07-01')).toEqual([
      {
        name: 'Huyện đoàn Bắc',
        children: [
          { name: n.a2.name, children: [] },
          { name: extra.name, children: [] },
        ],
      },
      {
        name: 'Huyện đoàn Nam',
        children: [{ name: n.a1.name, children: [{ name: n.chapter.name, children: [] }] }],
      },
    ]);
    expect(await misPathedOpenVersions(t.deps.db)).toBe(0);
    const first = ok(await call<Detail>(t, 'GET', `/units/${north!.id}`, admin.cookie));
    expect(first.unit).toMatchObject({ peopleCount: 1, wing: 'doan', establishedOn: '2025-07-01' });
    const second = ok(await call<Detail>(t, 'GET', `/units/${south!.id}`, admin.cookie));
    expect(second.unit.peopleCount).toBe(0);
    const source = ok(
      await call<Detail>(t, 'GET', `/units/${n.districtA.id}?asOf=2025-06-30`, admin.cookie),
    );
    expect(source.unit.closedOn).toBe('2025-07-01');
  });

  describe('refuses bad input and changes nothing', () => {
    async function setup() {
      const n = await buildNation(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
      const split = (body: unknown) => call(t, 'POST', '/restructure/split', admin.cookie, body);
      const base = {
        effectiveDate: '2025-07-01',
        reason,
        sourceId: n.districtA.id,
        targets: [newTarget('Huyện đoàn Một', [n.a1.id]), newTarget('Huyện đoàn Hai', [n.a2.id])],
      };
      return { n, split, base };
    }

    it('childIds that are not children of the source → 400 validation_failed', async () => {
      const { n, split, base } = await setup();
      for (const stranger of [n.b1.id, n.chapter.id, n.districtA.id]) {
        const targets = [base.targets[0]!, { ...base.targets[1]!, childIds: [stranger] }];
        await expectRejectedUnchanged(
          t,
          () => split({ ...base, targets }),
          400,
          'validation_failed',
        );
      }
    });

    it('fewer than two targets, a child listed twice, or duplicate codes → 400 validation_failed', async () => {
      const { n, split, base } = await setup();
      const [one, two] = base.targets;
      for (const targets of [
        [one],
        [one, { ...two!, childIds: [n.a1.id] }],
        [one, { ...two!, code: one!.code }],
      ]) {
        await expectRejectedUnchanged(
          t,
          () => split({ ...base, targets }),
          400,
          'validation_failed',
        );
      }
    });

    it('a code already in use → 409; a date not after the last change → 422; a missing source → 404', async () => {
      const { n, split, base } = await setup();
      const targets = [{ ...base.targets[0]!, code: n.a2.code }, base.targets[1]!];
      await expectRejectedUnchanged(t, () => split({ ...base, targets }), 409, 'conflict');
      await expectRejectedUnchanged(
        t,
        () => split({ ...base, effectiveDate: '2020-01-01' }),
        422,
        'date_out_of_order',
      );
      await expectRejectedUnchanged(
        t,
        () => split({ ...base, effectiveDate: '2019-01-01' }),
        404,
        'not_found',
      );
      await expectRejectedUnchanged(
        t,
        () => split({ ...base, sourceId: '00000000-0000-4000-8000-000000000002' }),
        404,
        'not_found',
      );
    });

    it('malformed JSON → 400 bad_json; wrong types → 400 validation_failed', async () => {
      const { split, base } = await setup();
      await expectRejectedUnchanged(t, () => split('{"sourceId": }'), 400, 'bad_json');
      await expectRejectedUnchanged(
        t,
        () => split({ ...base, targets: 'two' }),
        400,
        'validation_failed',
      );
      await expectRejectedUnchanged(
        t,
        () => split({ ...base, sourceId: 42 }),
        400,
        'validation_failed',
      );
    });
  });

  it('needs admin on the parent, where the new units are created', async () => {
    const n = await buildNation(t.deps.db);
    const districtAdmin = await buildUser(t.deps.db, [
      { unit: n.districtA, role: 'admin' },
      { unit: n.provinceA, role: 'editor' },
    ]);
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'POST', '/restructure/split', districtAdmin.cookie, {
          effectiveDate: '2025-07-01',
          reason,
          sourceId: n.districtA.id,
          targets: [newTarget('Huyện đoàn X', []), newTarget('Huyện đoàn Y', [])],
        }),
      403,
      'forbidden',
    );
  });
});
