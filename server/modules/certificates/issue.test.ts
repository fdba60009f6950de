import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { createJobRunner, jobs } from '../../kernel/jobs/index.ts';
import type { Nation } from '../../test/factories.ts';
import { buildNation, buildUnit, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { CertificateBatch } from './certificates.contracts.ts';
import { MESSAGES } from './certificates.contracts.ts';
import { certificates } from './certificates.table.ts';
import { enqueueCertificateIssue, ISSUE_CHUNK } from './issue.job.ts';
import { issueCertificates } from './issue.service.ts';

describe('issuing certificates', () => {
  let t: TestApp;
  let nation: Nation;
  let editor: Awaited<ReturnType<typeof buildUser>>;
  let round = 0;

  beforeAll(async () => {
    t = await buildTestApp();
    nation = await buildNation(t.deps.db);
    editor = await buildUser(t.deps.db, [{ unit: nation.provinceA, role: 'editor' }]);
  });
  afterAll(async () => {
    await t.close();
  });

  function batch(holders: number, overrides: Partial<CertificateBatch> = {}): CertificateBatch {
    round++;
    return {
      source: { kind: 'contest_round', id: `round-${round}` },
      unitId: nation.provinceA.id,
      title: 'Cuộc thi “Tìm hiểu lịch sử Đoàn” – Tuần 1',
      issuedOn: '2026-11-20',
      place: 'Tây Ninh',
      signer: { title: 'Bí thư Tỉnh đoàn', name: 'Trần Văn Quyết' },
      holders: Array.from({ length: holders }, (_, i) => ({
        ref: `p-${i + 1}`,
        name: i === 0 ? 'Nguyễn Văn An' : `Người dự thi ${i + 1}`,
        result: i === 0 ? 'Đạt giải Nhất' : 'Đã hoàn thành',
      })),
      ...overrides,
    };
  }

  const countOf = (source: { kind: string; id: string }) =>
    t.deps.db.$count(
      certificates,
      and(eq(certificates.sourceKind, source.kind), eq(certificates.sourceId, source.id)),
    );

  it('issues inside the caller’s transaction, printing the issuer’s name on that date', async () => {
    const input = batch(3);
    const issued = await t.deps.db.transaction((tx) =>
      issueCertificates(tx, input, { userId: editor.id }),
    );
    expect(issued.map((c) => [c.holderRef, c.isNew])).toEqual([
      ['p-1', true],
      ['p-2', true],
      ['p-3', true],
    ]);
    for (const c of issued) {
      expect(c.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      expect(c.downloadPath).toMatch(
        new RegExp(`^/api/certificates/${c.code}/pdf\\?token=[A-Za-z0-9_-]{22}$`),
      );
    }
    const [first] = await t.deps.db
      .select()
      .from(certificates)
      .where(eq(certificates.code, issued[0]!.code));
    expect(first).toMatchObject({
      holderName: 'Nguyễn Văn An',
      resultText: 'Đạt giải Nhất',
      issuerName: nation.provinceA.name,
      signerTitle: 'Bí thư Tỉnh đoàn',
      issuedBy: editor.id,
    });
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, `contest_round:${input.source.id}`));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ count: 3 });
  });

  it('never certifies the same person twice for one source; the second call returns the first codes', async () => {
    const input = batch(2);
    const first = await t.deps.db.transaction((tx) =>
      issueCertificates(tx, input, { userId: null }),
    );
    const again = await t.deps.db.transaction((tx) =>
      issueCertificates(
        tx,
        {
          ...input,
          holders: [...input.holders, { ref: 'p-9', name: 'Lê Thị Hoa', result: 'Đã hoàn thành' }],
        },
        { userId: null },
      ),
    );
    expect(again.filter((c) => !c.isNew).map((c) => c.code)).toEqual(first.map((c) => c.code));
    expect(again.filter((c) => c.isNew).map((c) => c.holderRef)).toEqual(['p-9']);
    expect(await countOf(input.source)).toBe(3);
  });

  it('stores names as printed: composed, trimmed, single-spaced', async () => {
    const input = batch(1);
    input.holders[0]!.name = '  Trần   Thị Ánh  '.normalize('NFD');
    const [issued] = await t.deps.db.transaction((tx) =>
      issueCertificates(tx, input, { userId: null }),
    );
    const [row] = await t.deps.db
      .select()
      .from(certificates)
      .where(eq(certificates.code, issued!.code));
    expect(row!.holderName).toBe('Trần Thị Ánh');
  });

  it('refuses bad batches with a stable code and a Vietnamese message, writing nothing', async () => {
    const closedLater = await buildUnit(t.deps.db, {
      parent: nation.provinceA,
      validFrom: '2027-01-01',
    });
    const cases: [CertificateBatch, string | undefined][] = [
      [
        (() => {
          const b = batch(2);
          b.holders[1]!.ref = 'p-1';
          return b;
        })(),
        MESSAGES.duplicateHolder,
      ],
      [batch(1, { unitId: closedLater.id }), MESSAGES.issuerMissing],
      [batch(1, { unitId: '5f0c6d3e-0000-4000-8000-000000000000' }), MESSAGES.issuerMissing],
      [batch(1, { issuedOn: '2026-02-30' }), undefined],
      [batch(1, { title: '   ' }), undefined],
      [batch(0), undefined],
      [batch(501), MESSAGES.tooManyDirect],
    ];
    const before = await t.deps.db.$count(certificates);
    const auditsBefore = await t.deps.db.$count(auditLog);
    for (const [input, message] of cases) {
      const error: unknown = await t.deps.db
        .transaction((tx) => issueCertificates(tx, input, { userId: null }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation_failed');
      if (message) expect((error as AppError).message).toBe(message);
    }
    expect(await t.deps.db.$count(certificates)).toBe(before);
    expect(await t.deps.db.$count(auditLog)).toBe(auditsBefore);
  });

  it('issues a large batch as a background job, chunk by chunk, with progress along the way', async () => {
    const input = batch(1200);
    const { jobId } = await t.deps.db.transaction((tx) =>
      enqueueCertificateIssue(tx, input, { userId: editor.id }),
    );
    const queued = await t.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}`,
      headers: { cookie: editor.cookie },
    });
    expect(queued.json().job).toMatchObject({
      status: 'queued',
      progress: { done: 0, total: 1200 },
    });

    // Read the job over HTTP while it runs, as the progress bar does.
    const seen: number[] = [];
    let running = true;
    const poll = (async () => {
      while (running) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/jobs/${jobId}`,
          headers: { cookie: editor.cookie },
        });
        seen.push(res.json().job.progress.done);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await createJobRunner(t.deps, t.app.jobs).runUntilIdle();
    running = false;
    await poll;

    const done = (
      await t.app.inject({
        method: 'GET',
        url: `/api/jobs/${jobId}`,
        headers: { cookie: editor.cookie },
      })
    ).json().job;
    expect(done).toMatchObject({
      status: 'done',
      progress: { done: 1200, total: 1200 },
      result: { total: 1200, newlyIssued: 1200, alreadyIssued: 0 },
    });
    expect(seen.some((n) => n > 0 && n < 1200)).toBe(true);
    expect(await countOf(input.source)).toBe(1200);
    const chunks = await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'certificate.issue'),
          eq(auditLog.entityId, `contest_round:${input.source.id}`),
        ),
      );
    expect(chunks[0]!.n).toBe(Math.ceil(1200 / ISSUE_CHUNK));
    const requested = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, jobId));
    expect(requested.map((a) => a.action)).toEqual(['certificate.issue_requested']);
  });

  it('after a crash, finishes the batch without issuing anyone twice', async () => {
    const input = batch(600);
    // A killed first attempt had written the first 250 holders and held the job.
    const { jobId } = await t.deps.db.transaction((tx) =>
      enqueueCertificateIssue(tx, input, { userId: null }),
    );
    const early = await t.deps.db.transaction((tx) =>
      issueCertificates(tx, { ...input, holders: input.holders.slice(0, 250) }, { userId: null }),
    );
    await t.deps.db
      .update(jobs)
      .set({
        status: 'running',
        attempts: 1,
        progressDone: 250,
        lockedBy: 'dead',
        leaseUntil: new Date(Date.now() - 1000),
      })
      .where(eq(jobs.id, jobId));

    await createJobRunner(t.deps, t.app.jobs).runUntilIdle();
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(job).toMatchObject({ status: 'done', attempts: 2, progressDone: 600 });
    expect(job!.result).toEqual({ total: 600, newlyIssued: 350, alreadyIssued: 250 });
    expect(await countOf(input.source)).toBe(600);
    const kept = await t.deps.db
      .select({ code: certificates.code })
      .from(certificates)
      .where(and(eq(certificates.sourceId, input.source.id), eq(certificates.holderRef, 'p-1')));
    expect(kept[0]!.code).toBe(early[0]!.code);
  });

  it('fails the job with a Vietnamese message when its issuer is gone, issuing nothing', async () => {
    const input = batch(5);
    const [row] = await t.deps.db
      .insert(jobs)
      .values({
        kind: 'certificates.issue',
        payload: { ...input, unitId: '5f0c6d3e-0000-4000-8000-000000000000' },
      })
      .returning();
    await createJobRunner(t.deps, t.app.jobs).runUntilIdle();
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.id, row!.id));
    expect(job).toMatchObject({ status: 'failed', attempts: 1, error: MESSAGES.issuerMissing });
    expect(await countOf(input.source)).toBe(0);
  });

  it('refuses a bad batch before it becomes a job', async () => {
    const before = await t.deps.db.$count(jobs);
    const input = batch(3);
    input.holders[2]!.ref = 'p-2';
    const error: unknown = await t.deps.db
      .transaction((tx) => enqueueCertificateIssue(tx, input, { userId: null }))
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('validation_failed');
    expect((error as AppError).message).toBe(MESSAGES.duplicateHolder);
    const missing: unknown = await t.deps.db
      .transaction((tx) =>
        enqueueCertificateIssue(tx, batch(2, { unitId: '5f0c6d3e-0000-4000-8000-000000000000' }), {
          userId: null,
        }),
      )
      .catch((e: unknown) => e);
    expect((missing as AppError).message).toBe(MESSAGES.issuerMissing);
    expect(await t.deps.db.$count(jobs)).toBe(before);
  });
});
