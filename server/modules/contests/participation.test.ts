import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, ok } from '../../test/api.ts';
import { buildPerson, buildUnit } from '../../test/factories.ts';
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
        prizes: { mostParticipants: 1, highestRate: null },
      },
    ]);
    expect(res.rules).toEqual({ mostParticipantsPlaces: 3, highestRatePlaces: 3, minMembers: 10 });
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

  it('awards the unit prizes: most participants, and highest rate among units big enough', async () => {
    // A second district whose two members both take part: 2 / 2 against district A's 3 / 4.
    const districtC = await buildUnit(t.deps.db, {
      parent: w.nation.provinceA,
      name: 'Huyện đoàn Gamma',
      kind: 'district',
      validFrom: '2020-01-01',
    });
    for (let i = 0; i < 2; i++) {
      const phone = nextPhone();
      await buildPerson(t.deps.db, districtC, { fullName: 'Đoàn Viên Gamma', phone });
      const { cookie } = await registerParticipant(t, contest.id, { phone });
      const attempt = (await pub(t, 'POST', `/${contest.id}/attempts`, cookie)).body.attempt;
      await pub(t, 'POST', `/${contest.id}/attempts/${attempt.id}/submit`, cookie, {
        answers: answersFor(attempt, 1),
      });
    }
    const url = (query: string) => `/contests/${contest.id}/participation?${query}`;
    const places = async (query: string) => {
      const res = ok(await call(t, 'GET', url(query), w.viewer.cookie));
      return Object.fromEntries(
        (res.items as any[]).map((i) => [i.unitId === districtC.id ? 'C' : 'A', i.prizes]),
      );
    };
    // Neither has 10 members: no rate prize; most participants A then C.
    expect(await places('')).toEqual({
      A: { mostParticipants: 1, highestRate: null },
      C: { mostParticipants: 2, highestRate: null },
    });
    // From 2 members both compete on rate: C's 100 % beats A's 75 %.
    expect(await places('minMembers=2&mostParticipantsPlaces=1')).toEqual({
      A: { mostParticipants: 1, highestRate: 2 },
      C: { mostParticipants: null, highestRate: 1 },
    });
    expect(await places('minMembers=3&highestRatePlaces=1')).toEqual({
      A: { mostParticipants: 1, highestRate: 1 },
      C: { mostParticipants: 2, highestRate: null },
    });
    for (const bad of [
      'minMembers=0',
      'highestRatePlaces=-1',
      'mostParticipantsPlaces=x',
      'top=3',
    ]) {
      expect((await call(t, 'GET', url(bad), w.viewer.cookie)).status).toBe(400);
    }
  });
});
