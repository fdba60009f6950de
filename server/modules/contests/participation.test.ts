import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, ok } from '../../test/api.ts';
import { buildPerson } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { buildPlanningCatalogue, evaluateRollups } from '../planning/index.ts';
import { CONTEST_INDICATORS } from './contests.indicators.ts';
import type { World } from './contests.test-helpers.ts';
import {
  answersFor,
  buildContest,
  buildWorld,
  nextPhone,
  pub,
  registerParticipant,
} from './contests.test-helpers.ts';

describe('contest participation per unit and as planning indicators', () => {
  let t: TestApp;
  let w: World;
  let contest: { id: string };

  beforeAll(async () => {
    t = await buildTestApp({
      config: { contestPowBits: 1, contestRateLimit: 10_000, contestPhoneRateLimit: 1000 },
      now: () => new Date('2026-11-22T03:00:00.000Z'),
    });
    w = await buildWorld(t);
    contest = await buildContest(t, w);
    const take = async (fields: Record<string, unknown>, submit = true) => {
      const { cookie } = await registerParticipant(t, contest.id, fields);
      const attempt = (await pub(t, 'POST', `/${contest.id}/attempts`, cookie)).body.attempt;
      if (submit) {
        await pub(t, 'POST', `/${contest.id}/attempts/${attempt.id}/submit`, cookie, {
          answers: answersFor(attempt, 3),
        });
      }
    };
    // Two members take part (one per commune), two members do not.
    for (const unit of [w.nation.a1, w.nation.a2]) {
      const phone = nextPhone();
      await buildPerson(t.deps.db, unit, { fullName: 'Đoàn Viên', phone });
      await take({ phone });
      await buildPerson(t.deps.db, unit, { fullName: 'Chưa Thi', phone: nextPhone() });
    }
    // A young person who picked commune a2 from the tree without being a member.
    await take({ unitId: w.nation.a2.id });
    // A free-text unit counts for no unit; an attempt never submitted does not count.
    await take({});
    await take({ unitId: w.nation.a1.id }, false);
  });
  afterAll(async () => {
    await t.close();
  });

  it('tallies participants ÷ members per unit under the organiser', async () => {
    const res = ok(await call(t, 'GET', `/contests/${contest.id}/participation`, w.viewer.cookie));
    expect(res.items).toEqual([
      {
        unitId: w.nation.districtA.id,
        name: w.nation.districtA.name,
        participants: 3,
        members: 4,
        rate: 0.75,
      },
    ]);
    const outsider = await call(
      t,
      'GET',
      `/contests/${contest.id}/participation`,
      w.outsider.cookie,
    );
    expect(outsider.status).toBe(404);
    expect((await call(t, 'GET', `/contests/${contest.id}/participation`, null)).status).toBe(401);
  });

  it('feeds the registry: participants (sum) and member participation (ratio of sums)', async () => {
    const catalogue = buildPlanningCatalogue(CONTEST_INDICATORS);
    const window = { from: '2026-01-01', to: '2026-12-31' };
    const results = await evaluateRollups(
      t.deps.db,
      catalogue,
      w.nation.provinceA.id,
      '2026-11-22',
      [
        { key: 'n', indicator: catalogue.get('contest_participants')!, window, category: null },
        {
          key: 'pct',
          indicator: catalogue.get('contest_member_participation_pct')!,
          window,
          category: null,
        },
      ],
    );
    expect(results.get('n')!.total.value).toBe(3);
    const pct = results.get('pct')!.total;
    expect(pct).toMatchObject({ numerator: 2, denominator: 4 });
    expect(pct.value).toBeCloseTo(50);
    // Nothing in another year.
    const before = await evaluateRollups(
      t.deps.db,
      catalogue,
      w.nation.provinceA.id,
      '2026-11-22',
      [
        {
          key: 'n',
          indicator: catalogue.get('contest_participants')!,
          window: { from: '2025-01-01', to: '2025-12-31' },
          category: null,
        },
      ],
    );
    expect(before.get('n')!.total.value ?? 0).toBe(0);
  });
});
