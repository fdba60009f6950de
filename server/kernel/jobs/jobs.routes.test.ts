import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Nation } from '../../test/factories.ts';
import { buildNation, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { enqueueJob } from './enqueue.ts';
import { MARKS_TABLE, markJob } from './jobs.test-helpers.ts';
import { createJobRunner } from './runner.ts';

describe('GET /api/jobs/:id', () => {
  let t: TestApp;
  let nation: Nation;
  let editor: Awaited<ReturnType<typeof buildUser>>;
  let viewerBelow: Awaited<ReturnType<typeof buildUser>>;
  let outsider: Awaited<ReturnType<typeof buildUser>>;
  let unitJob: string;
  let personalJob: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await t.deps.database.exec(MARKS_TABLE);
    t.app.jobs.register(markJob);
    nation = await buildNation(t.deps.db);
    editor = await buildUser(t.deps.db, [{ unit: nation.districtA, role: 'editor' }]);
    viewerBelow = await buildUser(t.deps.db, [{ unit: nation.districtA, role: 'viewer' }]);
    outsider = await buildUser(t.deps.db, [{ unit: nation.provinceB, role: 'admin' }]);
    const payload = { count: 12, batch: 5 };
    unitJob = (
      await t.deps.db.transaction((tx) =>
        enqueueJob(tx, markJob, payload, { createdBy: editor.id, unitId: nation.districtA.id }),
      )
    ).id;
    personalJob = (
      await t.deps.db.transaction((tx) =>
        enqueueJob(tx, markJob, payload, { createdBy: editor.id, unitId: null }),
      )
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (id: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: cookie ? { cookie } : {} });

  it('shows a queued job with its known total, then the finished job with its summary', async () => {
    const queued = await get(unitJob, editor.cookie);
    expect(queued.statusCode).toBe(200);
    expect(queued.headers['cache-control']).toBe('no-store');
    expect(queued.json().job).toMatchObject({
      id: unitJob,
      kind: 'test.mark',
      status: 'queued',
      progress: { done: 0, total: null },
      error: null,
      result: null,
      attempts: 0,
      startedAt: null,
      finishedAt: null,
    });

    await createJobRunner(t.deps, t.app.jobs).runUntilIdle();
    const done = (await get(unitJob, editor.cookie)).json().job;
    expect(done).toMatchObject({
      status: 'done',
      progress: { done: 12, total: 12 },
      result: { marked: 12 },
      attempts: 1,
    });
    expect(Date.parse(done.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.startedAt));
  });

  it('never sends the payload, the lease holder or technical failures', async () => {
    const job = (await get(unitJob, editor.cookie)).json().job;
    expect(Object.keys(job).sort()).toEqual(
      [
        'attempts',
        'createdAt',
        'error',
        'finishedAt',
        'id',
        'kind',
        'progress',
        'result',
        'startedAt',
        'status',
      ].sort(),
    );
  });

  it('lets anyone with a role on the job’s unit read it, and its creator read a job of no unit', async () => {
    expect((await get(unitJob, viewerBelow.cookie)).statusCode).toBe(200);
    expect((await get(personalJob, editor.cookie)).statusCode).toBe(200);
  });

  it('answers 404 to an outsider, as for a job that does not exist', async () => {
    for (const [id, user] of [
      [unitJob, outsider],
      [personalJob, viewerBelow],
      [personalJob, outsider],
      ['5f0c6d3e-0000-4000-8000-000000000000', editor],
    ] as const) {
      const res = await get(id, user.cookie);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toEqual({ code: 'not_found', message: 'Không tìm thấy công việc.' });
    }
  });

  it('answers 401 without a session and 400 for an id that is not a uuid', async () => {
    const anonymous = await get(unitJob);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
    const bad = await get('not-a-job', editor.cookie);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });
});
