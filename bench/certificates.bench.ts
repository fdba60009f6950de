/**
 * Certificates benchmark: rendering one PDF, and issuing batches through the background job
 * (enqueue in one transaction, then the runner, 250 holders per transaction with progress after
 * each), on PGlite and — when DATABASE_URL is set — on PostgreSQL, in a database of its own.
 *
 *   npm run bench:certificates
 *   BENCH_BATCHES=1000,10000 BENCH_RENDERS=50 DATABASE_URL=postgres://… npm run bench:certificates
 *
 * Exits 1 on any error or when a batch does not end with exactly one certificate per holder.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../server/kernel/config.ts';
import type { Database } from '../server/kernel/db/client.ts';
import { openDatabase } from '../server/kernel/db/client.ts';
import { applyMigrations } from '../server/kernel/db/migrate.ts';
import { createJobRegistry, createJobRunner } from '../server/kernel/jobs/index.ts';
import {
  certificateJobs,
  enqueueCertificateIssue,
  findCertificatesOf,
} from '../server/modules/certificates/index.ts';
import { renderCertificatePdf } from '../server/modules/certificates/pdf/certificate-pdf.ts';
import { buildUnit } from '../server/test/factories.ts';

const BATCHES = (process.env.BENCH_BATCHES ?? '1000,10000').split(',').map(Number);
const RENDERS = Number(process.env.BENCH_RENDERS ?? 50);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function benchRender(): Promise<void> {
  const document = {
    code: '7KQ2M9XD4PRT',
    holderName: 'Nguyễn Thị Ánh Tuyết',
    title:
      'Cuộc thi trực tuyến “Tuổi trẻ Tây Ninh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” năm 2026 – Tuần 3',
    resultText: 'Đạt giải Nhất',
    issuerName: 'Tỉnh đoàn Tây Ninh',
    place: 'Tây Ninh',
    issuedOn: '2026-11-20',
    signerTitle: 'Bí thư Tỉnh đoàn',
    signerName: 'Trần Văn Quyết',
  };
  const first = performance.now();
  const pdf = await renderCertificatePdf(document, 'https://phuxanh.tayninh.vn');
  const firstMs = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    const start = performance.now();
    await renderCertificatePdf({ ...document, holderName: `Người nhận số ${i}` }, 'https://x.vn');
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `render one certificate: first ${firstMs.toFixed(0)} ms (fonts parsed), then p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms over ${RENDERS}; ${(pdf.length / 1024).toFixed(0)} KB`,
  );
}

async function benchIssue(label: string, database: Database): Promise<void> {
  const deps = { config: loadConfig({}), database, db: database.db, today: () => '2026-11-22' };
  const registry = createJobRegistry();
  for (const job of certificateJobs) registry.register(job);
  const unit = await buildUnit(database.db, { name: 'Tỉnh đoàn Tây Ninh', kind: 'province' });
  for (const size of BATCHES) {
    const source = { kind: 'contest_round', id: `bench-${size}-${Date.now()}` };
    const holders = Array.from({ length: size }, (_, i) => ({
      ref: `participant-${i}`,
      name: `Nguyễn Văn Người Dự Thi ${i}`,
      result: i < 10 ? 'Đạt giải' : 'Đã hoàn thành',
    }));
    const start = performance.now();
    await database.db.transaction((tx) =>
      enqueueCertificateIssue(
        tx,
        {
          source,
          unitId: unit.id,
          title: 'Cuộc thi tìm hiểu lịch sử Đoàn – Tuần 1',
          issuedOn: '2026-11-20',
          place: 'Tây Ninh',
          holders,
        },
        { userId: null },
      ),
    );
    const enqueued = performance.now();
    await createJobRunner(deps, registry).runUntilIdle();
    const finished = performance.now();
    const issued = await findCertificatesOf(database.db, source);
    if (issued.length !== size) throw new Error(`${label}: ${issued.length} of ${size} issued`);
    const seconds = (finished - start) / 1000;
    console.log(
      `${label}: issue ${size.toLocaleString('en')} certificates via the job: ${seconds.toFixed(2)} s (enqueue ${((enqueued - start) / 1000).toFixed(2)} s), ${Math.round(size / seconds).toLocaleString('en')}/s`,
    );
  }
}

console.log(
  `certificates bench — ${os.cpus().length} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
await benchRender();

const pglite = await openDatabase({});
try {
  await applyMigrations(pglite);
  await benchIssue('PGlite', pglite);
} finally {
  await pglite.close();
}

if (process.env.DATABASE_URL) {
  const name = 'phuxanh_bench_certificates';
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const postgres = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await applyMigrations(postgres);
    await benchIssue('PostgreSQL', postgres);
  } finally {
    await postgres.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
console.log(
  `load at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
