import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../test/test-app.ts';
import { buildTestApp } from '../test/test-app.ts';
import { provinceDrift } from '../modules/people/people.test-support.ts';
import { DEMO_ACCOUNTS, seedDemoIfEmpty } from './demo-seed.ts';

describe('demo organisation', () => {
  let t: TestApp;
  let cookie = '';
  beforeAll(async () => {
    t = await buildTestApp();
    expect(await seedDemoIfEmpty(t.deps)).toBe(true);
    const admin = DEMO_ACCOUNTS.find((a) => a.username === 'admin')!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: admin.username, password: admin.password },
    });
    cookie = `px_session=${res.cookies.find((c) => c.name === 'px_session')!.value}`;
  });
  afterAll(async () => {
    await t.close();
  });

  async function provinceNames(asOf: string): Promise<string[]> {
    const roots = await t.app.inject({ url: `/api/units/roots?asOf=${asOf}`, headers: { cookie } });
    const central = roots.json().items[0];
    const children = await t.app.inject({
      url: `/api/units/${central.id}/children?asOf=${asOf}`,
      headers: { cookie },
    });
    return children
      .json()
      .items.map((u: { code: string }) => u.code)
      .sort();
  }

  it('shows the provinces before and after the merger of 01/07/2025', async () => {
    expect(await provinceNames('2025-06-30')).toEqual(['HNI', 'KHA', 'LAN', 'LSN', 'NTN', 'TNI']);
    expect(await provinceNames('2025-07-01')).toEqual(['HNI', 'KHA-2025', 'LSN', 'TNI-2025']);
  });

  it('stamps every person with their unit’s province, after the 2025 merger (people.province_id)', async () => {
    expect(await provinceDrift(t.deps.db)).toEqual([]);
    const result: unknown = await t.deps.db.execute(sql`
      select distinct u.code from people p join units u on u.id = p.province_id order by 1`);
    const codes = (result as { rows: { code: string }[] }).rows.map((r) => r.code);
    expect(codes).not.toContain('LAN');
    expect(codes).toContain('TNI-2025');
  });

  it('moves the Long Biên wards up to Hà Nội when the district level ends', async () => {
    const search = await t.app.inject({ url: '/api/units/search?q=bo de', headers: { cookie } });
    const bode = search.json().items.find((u: { code: string }) => u.code === 'HNI-LB-BD');
    const before = await t.app.inject({
      url: `/api/units/${bode.id}?asOf=2025-06-30`,
      headers: { cookie },
    });
    const after = await t.app.inject({
      url: `/api/units/${bode.id}?asOf=2025-07-01`,
      headers: { cookie },
    });
    const trail = (res: typeof before) =>
      res.json().unit.ancestors.map((a: { name: string }) => a.name);
    expect(trail(before)).toContain('Quận đoàn Long Biên');
    expect(trail(after)).not.toContain('Quận đoàn Long Biên');
    expect(trail(after)).toContain('Thành đoàn Hà Nội');
  });

  it('has the central plan (seed 001), Tây Ninh’s plan implementing it (seed 000) and their report types', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        username: 'tayninh',
        password: DEMO_ACCOUNTS.find((a) => a.username === 'tayninh')!.password,
      },
    });
    const tn = `px_session=${login.cookies.find((c) => c.name === 'px_session')!.value}`;
    const me = login.json().user.grants[0].unitId;
    const toImplement = await t.app.inject({
      url: `/api/planning/plans?unitId=${me}`,
      headers: { cookie: tn },
    });
    const [plan] = toImplement.json().items;
    expect(plan).toMatchObject({
      number: '20-KH/TĐTN-BTG',
      status: 'issued',
      implements: [{ number: '68-KH/TWĐTN-BTG' }],
    });
    const types = await t.app.inject({
      url: `/api/reporting/plans/${plan.id}/report-types`,
      headers: { cookie: tn },
    });
    expect(types.json().items.map((r: any) => [r.kind, r.periods[0].dueDate])).toEqual([
      ['six_month', '2026-04-25'],
      ['annual', '2026-09-20'],
    ]);
    const board = await t.app.inject({
      url: `/api/planning/dashboard?unitId=${me}`,
      headers: { cookie: tn },
    });
    const trends = board
      .json()
      .targets.find((x: any) => x.target.indicatorCode === 'online_trends' && !x.inherited);
    expect(trends).toMatchObject({ actual: { value: 2 }, target: { value: 5 } });
    const progress = await t.app.inject({
      url: `/api/reporting/report-types/${types.json().items[0].id}/progress?period=2026-H1`,
      headers: { cookie: tn },
    });
    expect(progress.json().totals.missing).toBeGreaterThan(0);
  });

  it('has the political-theory course for new members (seed 001, target 3), public with its test', async () => {
    const result: unknown = await t.deps.db.execute(sql`select id from courses`);
    const [course] = (result as { rows: { id: string }[] }).rows;
    const res = await t.app.inject({ url: `/api/public/courses/${course!.id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json().course;
    expect(body.title).toBe('Học tập lý luận chính trị cho đoàn viên mới');
    expect(body.lessons).toHaveLength(3);
    expect(body.test).toMatchObject({ questionCount: 5 });
    const contest = await t.app.inject({ url: `/api/public/contests/${body.test.contestId}` });
    expect(contest.json().contest.kind).toBe('course_test');
  });

  it('is loaded only once', async () => {
    expect(await seedDemoIfEmpty(t.deps)).toBe(false);
  });

  it('gives every demo account a working login', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: account.username, password: account.password },
      });
      expect(res.statusCode, account.username).toBe(200);
      expect(res.json().user.grants).toHaveLength(1);
    }
  });
});
