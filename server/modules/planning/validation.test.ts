import { afterAll, beforeAll, describe, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { buildFixture, call, expectRejectedUnchanged } from './planning.test-helpers.ts';

/**
 * Bad input, sent by a user who is allowed to make the request: a 4xx with a stable code and a
 * Vietnamese message, and the database exactly as it was.
 */
describe('planning bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-08-15' });
  });
  afterAll(async () => {
    await t.close();
  });

  type Fixture = Awaited<ReturnType<typeof buildFixture>>;
  type Case = {
    name: string;
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    url: (f: Fixture) => string;
    body?: (f: Fixture) => unknown;
    status: number;
    code: string;
  };
  const plan = (f: Fixture, extra: object) => ({
    unitId: f.n.provinceA.id,
    title: 'Kế hoạch',
    periodStart: 2023,
    periodEnd: 2023,
    ...extra,
  });
  const values = (f: Fixture, extra: object) => ({
    unitId: f.n.a1.id,
    indicatorCode: 'pages_connected_pct',
    period: '2023-Q2',
    entries: [{ value: 8, denominator: 10 }],
    ...extra,
  });

  const cases: Case[] = [
    ...[
      ['a period ending before it starts', { periodStart: 2025, periodEnd: 2023 }],
      ['an unknown field', { secret: true }],
      ['a malformed official number', { number: '<b>20</b>' }],
      [
        'a script in a body run',
        { body: { purpose: [{ type: 'script', runs: [{ text: 'x' }] }] } },
      ],
      ['pre-filling without a parent plan', { prefill: true }],
    ].map(([what, extra]): Case => ({
      name: `POST /planning/plans with ${what as string}`,
      method: 'POST',
      url: () => '/planning/plans',
      body: (f) => plan(f, extra as object),
      status: 400,
      code: 'validation_failed',
    })),
    {
      name: 'POST /planning/plans implementing a plan of its own unit',
      method: 'POST',
      url: () => '/planning/plans',
      body: (f) => plan(f, { implements: [f.issuedId] }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'POST /planning/plans implementing a draft',
      method: 'POST',
      url: () => '/planning/plans',
      body: (f) => ({ ...plan(f, { implements: [f.draftId] }), unitId: f.n.a1.id }),
      status: 409,
      code: 'invalid_state',
    },
    {
      name: 'POST /planning/plans with a number the unit already used',
      method: 'POST',
      url: () => '/planning/plans',
      body: (f) => plan(f, { number: `D${f.n.suffix}-KH/TĐTN` }),
      status: 409,
      code: 'conflict',
    },
    {
      name: 'POST /planning/plans with malformed JSON',
      method: 'POST',
      url: () => '/planning/plans',
      body: () => '{"title": ',
      status: 400,
      code: 'bad_json',
    },
    {
      name: 'PATCH /planning/plans/:id with nothing to change',
      method: 'PATCH',
      url: (f) => `/planning/plans/${f.draftId}`,
      body: () => ({}),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'PATCH /planning/plans/:id on an issued plan',
      method: 'PATCH',
      url: (f) => `/planning/plans/${f.issuedId}`,
      body: () => ({ title: 'Sửa sau khi ban hành' }),
      status: 409,
      code: 'invalid_state',
    },
    {
      name: 'GET /planning/plans/:id with a malformed id',
      method: 'GET',
      url: () => '/planning/plans/not-a-uuid',
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'POST /planning/plans/:id/issue twice',
      method: 'POST',
      url: (f) => `/planning/plans/${f.issuedId}/issue`,
      status: 409,
      code: 'invalid_state',
    },
    {
      name: 'POST /planning/plans/:id/close on a draft',
      method: 'POST',
      url: (f) => `/planning/plans/${f.draftId}/close`,
      status: 409,
      code: 'invalid_state',
    },
    {
      name: 'POST /planning/plans/:id/targets above 100 %',
      method: 'POST',
      url: (f) => `/planning/plans/${f.draftId}/targets`,
      body: () => ({
        indicatorCode: 'pages_connected_pct',
        comparator: 'gte',
        value: 120,
        period: '2023',
      }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'POST /planning/plans/:id/targets for an unknown indicator',
      method: 'POST',
      url: (f) => `/planning/plans/${f.draftId}/targets`,
      body: () => ({ indicatorCode: 'no_such_thing', comparator: 'gte', value: 1, period: '2023' }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'POST /planning/plans/:id/targets with both a period and a deadline',
      method: 'POST',
      url: (f) => `/planning/plans/${f.draftId}/targets`,
      body: () => ({
        indicatorCode: 'online_trends',
        comparator: 'gte',
        value: 1,
        period: '2023',
        deadline: '2023-12-31',
      }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'POST /planning/plans/:id/targets each unit of a kind, without the kind',
      method: 'POST',
      url: (f) => `/planning/plans/${f.draftId}/targets`,
      body: () => ({
        indicatorCode: 'online_trends',
        comparator: 'gte',
        value: 1,
        period: '2023',
        appliesTo: 'each_of_kind',
      }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'POST /planning/plans/:id/targets on an issued plan',
      method: 'POST',
      url: (f) => `/planning/plans/${f.issuedId}/targets`,
      body: () => ({ indicatorCode: 'online_trends', comparator: 'gte', value: 1, period: '2023' }),
      status: 409,
      code: 'invalid_state',
    },
    {
      name: 'PATCH /planning/targets/:id with a negative value',
      method: 'PATCH',
      url: (f) => `/planning/targets/${f.targetId}`,
      body: () => ({ value: -1 }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'DELETE /planning/targets/:id of an unknown target',
      method: 'DELETE',
      url: () => '/planning/targets/00000000-0000-4000-8000-000000000000',
      status: 404,
      code: 'not_found',
    },
    {
      name: 'POST /planning/plans/:id/tasks with an unreadable deadline',
      method: 'POST',
      url: (f) => `/planning/plans/${f.draftId}/tasks`,
      body: () => ({ description: 'Việc', deadline: 'Quý II và Quý III/2023' }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'POST /planning/plans/:id/tasks led by a unit of another province',
      method: 'POST',
      url: (f) => `/planning/plans/${f.draftId}/tasks`,
      body: (f) => ({ description: 'Việc', deadline: 'Quý II/2023', leadUnitId: f.n.b1.id }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'PATCH /planning/tasks/:id with an unknown status',
      method: 'PATCH',
      url: (f) => `/planning/tasks/${f.issuedTaskId}`,
      body: () => ({ status: 'finished' }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'PATCH /planning/tasks/:id reporting progress on a draft',
      method: 'PATCH',
      url: (f) => `/planning/tasks/${f.taskId}`,
      body: () => ({ status: 'done' }),
      status: 409,
      code: 'invalid_state',
    },
    {
      name: 'PATCH /planning/tasks/:id with a javascript: link',
      method: 'PATCH',
      url: (f) => `/planning/tasks/${f.issuedTaskId}`,
      body: () => ({ evidenceLinks: ['javascript:alert(1)'] }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'DELETE /planning/tasks/:id of an issued plan',
      method: 'DELETE',
      url: (f) => `/planning/tasks/${f.issuedTaskId}`,
      status: 409,
      code: 'invalid_state',
    },
    {
      name: 'POST /planning/activities in the future',
      method: 'POST',
      url: () => '/planning/activities',
      body: (f) => ({
        unitId: f.n.a1.id,
        kind: 'forum',
        title: 'Diễn đàn',
        occurredOn: '2023-09-01',
      }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'POST /planning/activities before the unit existed',
      method: 'POST',
      url: () => '/planning/activities',
      body: (f) => ({
        unitId: f.n.a1.id,
        kind: 'forum',
        title: 'Diễn đàn',
        occurredOn: '2019-05-01',
      }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'POST /planning/activities tagged with an indicator it cannot feed',
      method: 'POST',
      url: () => '/planning/activities',
      body: (f) => ({
        unitId: f.n.a1.id,
        kind: 'training',
        title: 'Tập huấn',
        occurredOn: '2023-05-01',
        indicatorCodes: ['counter_articles_weekly'],
      }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'POST /planning/activities with a participant group twice',
      method: 'POST',
      url: () => '/planning/activities',
      body: (f) => ({
        unitId: f.n.a1.id,
        kind: 'training',
        title: 'Tập huấn',
        occurredOn: '2023-05-01',
        participants: [
          { category: 'cadre', count: 3 },
          { category: 'cadre', count: 4 },
        ],
      }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'PATCH /planning/activities/:id with a negative count',
      method: 'PATCH',
      url: (f) => `/planning/activities/${f.activityId}`,
      body: () => ({ participants: [{ category: 'member', count: -5 }] }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'DELETE /planning/activities/:id of an unknown activity',
      method: 'DELETE',
      url: () => '/planning/activities/00000000-0000-4000-8000-000000000000',
      status: 404,
      code: 'not_found',
    },
    ...[
      ['a ratio without denominator', { entries: [{ value: 8 }] }],
      ['a numerator above the denominator', { entries: [{ value: 11, denominator: 10 }] }],
      [
        'a category on an indicator without categories',
        { entries: [{ category: 'cadre', value: 1, denominator: 2 }] },
      ],
      ['a computed indicator', { indicatorCode: 'people_count', entries: [{ value: 3 }] }],
      [
        'a share of units',
        { indicatorCode: 'districts_volunteer_team_pct', entries: [{ value: 3 }] },
      ],
      [
        'a denominator that comes from the people counts',
        {
          indicatorCode: 'conduct_code_informed_pct',
          entries: [{ category: 'member', value: 3, denominator: 9 }],
        },
      ],
      ['a future period', { period: '2023-Q4' }],
      ['a malformed period', { period: '2023-Q5' }],
      ['an unknown indicator', { indicatorCode: 'no_such_thing' }],
    ].map(([what, extra]): Case => ({
      name: `PUT /planning/values with ${what as string}`,
      method: 'PUT',
      url: () => '/planning/values',
      body: (f) => values(f, extra as object),
      status: 400,
      code: 'validation_failed',
    })),
    {
      name: 'GET /planning/rollup with a malformed period',
      method: 'GET',
      url: (f) =>
        `/planning/rollup?unitId=${f.n.provinceA.id}&indicatorCode=people_trained&period=Q2`,
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'GET /planning/rollup by category of an indicator without categories',
      method: 'GET',
      url: (f) =>
        `/planning/rollup?unitId=${f.n.provinceA.id}&indicatorCode=online_trends&period=2023&category=cadre`,
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'GET /planning/dashboard with a malformed date',
      method: 'GET',
      url: (f) => `/planning/dashboard?unitId=${f.n.provinceA.id}&asOf=31/12/2023`,
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'GET /planning/dashboard on a date before the unit existed',
      method: 'GET',
      url: (f) => `/planning/dashboard?unitId=${f.n.provinceA.id}&asOf=2019-01-01`,
      status: 404,
      code: 'not_found',
    },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}, nothing changed`, async () => {
      const f = await buildFixture(t);
      await expectRejectedUnchanged(
        t,
        () => call(t, c.method, c.url(f), f.users.admin.cookie, c.body?.(f)),
        c.status,
        c.code,
      );
    });
  }
});
