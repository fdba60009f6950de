/**
 * `npm run bench:contest` — the contest under load, then a national round ranked.
 *
 * For each database (PostgreSQL first, then PGlite): boots the real server (server/main.ts,
 * demo organisation) on a fresh database, builds through the organiser API a published contest
 * with a bank of 1,000 questions (10 drawn per attempt from 5 categories) and an open round,
 * then drives N virtual participants from a separate process: each registers (excluded from the
 * figures), then starts and submits attempts until the time is up. Prints completed attempts per
 * second, p50/p99 of start and submit, and errors; Fastify's validated-POST ceiling measured on
 * this machine with the same client gives the ratio. Then it stops the server, loads a closed
 * round of 1,000,000 attempts and times closeRound (best per person, true count, ranking,
 * prizes, results written).
 *
 * BENCH_CRASH=1 instead kills the server with SIGKILL halfway through the load, restarts it and
 * checks that every submission acknowledged with a 2xx before the kill is stored: it prints the
 * count lost, which must be 0 (exit 1 otherwise).
 *
 * Environment: BENCH_DB (both | postgres | pglite), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432),
 * BENCH_USERS (64), BENCH_SECONDS (20), BENCH_QUESTIONS (1000), BENCH_RANK_ATTEMPTS (1000000;
 * 0 skips), BENCH_CRASH, BENCH_PROFILE (1: CPU profile of the server in bench/out/profile). Exits 1 on a failed check.
 */
import { fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../server/kernel/config.ts';
import { openDatabase } from '../server/kernel/db/client.ts';
import type { Database } from '../server/kernel/db/client.ts';
import { closeRound } from '../server/modules/contests/index.ts';
import type { DriverResult } from './contest/driver.ts';
import { measureFastifyCeiling } from './http/fastify-ceiling.ts';
import { connect } from './http/client.ts';
import type { CpuSnapshot } from './lib/cpu.ts';
import { describeCpuPer, snapshotCpu } from './lib/cpu.ts';
import { rawQuery } from './lib/raw.ts';
import { percentile } from './lib/stats.ts';

const env = process.env;
const USERS = Number(env.BENCH_USERS ?? 64);
const SECONDS = Number(env.BENCH_SECONDS ?? 20);
const QUESTIONS = Number(env.BENCH_QUESTIONS ?? 1000);
const RANK_ATTEMPTS = Number(env.BENCH_RANK_ATTEMPTS ?? 1_000_000);
const CRASH = env.BENCH_CRASH === '1';
const PG_URL = (env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const POW_BITS = 8;
const ROOT = path.resolve(import.meta.dirname, '..');
const PROFILE_DIR = path.join(ROOT, 'bench/out/profile');

type Target = {
  kind: 'postgres' | 'pglite';
  /** The PostgreSQL database's name (its backends' CPU is counted); none on PGlite. */
  database?: string;
  serverEnv: Record<string, string>;
  open: () => Promise<Database>;
  /** Drops the benchmark's database (or data folder) when the run is over. */
  dispose: () => Promise<void>;
};

async function freshTarget(kind: Target['kind']): Promise<Target> {
  if (kind === 'postgres') {
    const name = `phuxanh_bench_contest_${Date.now()}`;
    const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = `${PG_URL}/${name}`;
    return {
      kind,
      database: name,
      serverEnv: { DATABASE_URL: url },
      open: () => openDatabase({ databaseUrl: url }),
      dispose: async () => {
        const drop = new pg.Client({ connectionString: `${PG_URL}/postgres` });
        await drop.connect();
        await drop.query(`drop database if exists ${name} with (force)`);
        await drop.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuxanh-bench-contest-'));
  return {
    kind,
    serverEnv: { DATA_DIR: dir, DATABASE_URL: '' },
    open: () => openDatabase({ databaseUrl: undefined, dataDir: dir }),
    dispose: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
  };
}

async function startServer(target: Target, port: number): Promise<ChildProcess> {
  // BENCH_PROFILE=1 writes a CPU profile of the server to bench/out/profile when it stops.
  const profile = env.BENCH_PROFILE === '1' ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
  const server = spawn(process.execPath, [...profile, path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...env,
      ...target.serverEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CONTEST_POW_BITS: String(POW_BITS),
      // Every virtual participant comes from 127.0.0.1: the per-IP limits would stop the test.
      CONTEST_RATE_LIMIT: '100000000',
      CONTEST_PHONE_RATE_LIMIT: '1000',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/me`);
      if (res.status === 401) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start in 180 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

/** The fields of the organiser API's replies the benchmark reads. */
type Created = {
  items: { id: string }[];
  category: { id: string };
  contest: { id: string };
};

/** The organiser's side, through the API as the demo's central admin. */
async function buildContest(baseUrl: string): Promise<string> {
  const c = connect(baseUrl);
  const login = await c.request('POST', '/api/auth/login', {
    username: 'admin',
    password: 'PhuXanh@2025',
  });
  if (login.status !== 200) throw new Error(`login ${login.status}`);
  const cookie = login.setCookies.map((s) => s.split(';')[0]).join('; ');
  const call = async (method: string, url: string, body?: unknown) => {
    const reply = await c.request(method, url, body, { cookie });
    if (reply.status >= 300) throw new Error(`${method} ${url} → ${reply.status} ${reply.body}`);
    return JSON.parse(reply.body || '{}') as Created;
  };
  const roots = await call('GET', '/api/units/roots');
  const unitId = roots.items[0]!.id;
  const categories: string[] = [];
  for (const name of ['Lịch sử Đoàn', 'Pháp luật', 'Không gian mạng', 'Văn hóa', 'Địa phương']) {
    categories.push(
      (await call('POST', '/api/contest-bank/categories', { unitId, name })).category.id,
    );
  }
  for (let i = 0; i < QUESTIONS; i++) {
    await call('POST', '/api/contest-bank/questions', {
      unitId,
      categoryId: categories[i % categories.length],
      kind: 'single',
      text: `Câu hỏi số ${i + 1}: Đoàn TNCS Hồ Chí Minh được thành lập năm nào?`,
      options: ['1930', '1931', '1941', '1945'].map((text, k) => ({ text, correct: k === 1 })),
      explanation: 'Ngày 26/3/1931.',
      difficulty: 1 + (i % 5),
    });
  }
  const contest = await call('POST', '/api/contests', {
    unitId,
    title: 'Tuổi trẻ với không gian mạng (benchmark)',
    rules: 'Mỗi lượt 10 câu.',
    audience: 'public',
    reviewPolicy: 'score_after_submit',
    timeLimitKind: 'per_attempt',
    timeLimitSeconds: 600,
    attemptsPerRound: null,
    timeMode: 'duration',
    quotas: categories.map((categoryId) => ({ categoryId, count: 2 })),
    prizeLadder: [
      { prize: 'Giải Nhất', count: 1 },
      { prize: 'Giải Nhì', count: 2 },
      { prize: 'Giải Ba', count: 3 },
      { prize: 'Giải Khuyến khích', count: 10 },
    ],
    hasPrediction: true,
  });
  const contestId = contest.contest.id;
  const now = Date.now();
  await call('POST', `/api/contests/${contestId}/rounds`, {
    number: 1,
    topic: 'Tuần 1',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 6 * 3600_000).toISOString(),
  });
  await call('POST', `/api/contests/${contestId}/publish`);
  c.close();
  return contestId;
}

type Driver = {
  child: ChildProcess;
  registered: Promise<number>;
  result: Promise<DriverResult>;
  /** Called as the driver reports its result; what it returns is kept in cpuAtEnd. */
  onEnd?: () => CpuSnapshot;
  cpuAtEnd?: CpuSnapshot | undefined;
};

function startDriver(baseUrl: string, contestId: string, phoneBase: number): Driver {
  const child = fork(path.join(import.meta.dirname, 'contest/driver.ts'), [
    baseUrl,
    contestId,
    String(USERS),
    String(SECONDS),
    String(POW_BITS),
    String(phoneBase),
  ]);
  let onRegistered!: (n: number) => void;
  let onResult!: (r: DriverResult) => void;
  const registered = new Promise<number>((r) => (onRegistered = r));
  const result = new Promise<DriverResult>((r) => (onResult = r));
  child.on('message', (m: { registered?: number; result?: DriverResult }) => {
    if (m.registered !== undefined) onRegistered(m.registered);
    if (m.result) {
      driver.cpuAtEnd = driver.onEnd?.();
      onResult(m.result);
      child.kill();
    }
  });
  const driver: Driver = { child, registered, result };
  return driver;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function printLoad(kind: string, r: DriverResult, ceiling: number | null): number {
  const perSecond = r.completed / (r.elapsedMs / 1000);
  console.log(`\n${kind}: ${USERS} virtual participants, ${(r.elapsedMs / 1000).toFixed(1)} s`);
  console.log(`  registered                ${r.registered}`);
  console.log(`  completed attempts        ${r.completed}  →  ${perSecond.toFixed(0)} per second`);
  if (r.startMs.length) {
    console.log(
      `  start   p50 / p99         ${fmt(percentile(r.startMs, 50))} / ${fmt(percentile(r.startMs, 99))}`,
    );
  }
  if (r.submitMs.length) {
    console.log(
      `  submit  p50 / p99         ${fmt(percentile(r.submitMs, 50))} / ${fmt(percentile(r.submitMs, 99))}`,
    );
  }
  const errors = Object.entries(r.errors);
  console.log(
    `  errors                    ${errors.length ? errors.map(([k, v]) => `${k}: ${v}`).join(', ') : 'none'}`,
  );
  if (ceiling) {
    // Each attempt is two requests (start and submit).
    console.log(
      `  requests per second ${(2 * perSecond).toFixed(0)} = ${((200 * perSecond) / ceiling).toFixed(1)} % of Fastify's validated-POST ceiling here (${ceiling.toFixed(0)}/s)`,
    );
  }
  return perSecond;
}

/** 1,000,000 submitted attempts of about 40 % as many people in a closed round, then closeRound. */
async function rankRound(target: Target, contestId: string): Promise<void> {
  const database = await target.open();
  try {
    const exec = (text: string) => database.exec(text);
    const people = Math.max(1, Math.round(RANK_ATTEMPTS * 0.4));
    const t0 = performance.now();
    await exec(`
      insert into contest_rounds (contest_id, number, topic, opens_at, closes_at)
      values ('${contestId}', 2, 'Tuần 2 (benchmark)', now() - interval '8 days', now() - interval '1 day');
      insert into contest_participants (contest_id, full_name, phone, birth_year, unit_text, token_hash, registered_at)
      select '${contestId}', 'Nguyễn Văn ' || g, '03' || lpad(g::text, 8, '0'), 1990 + g % 20, 'Đoàn trường', md5(g::text || 'bench'),
             now() - interval '9 days'
      from generate_series(1, ${people}) g;
      insert into contest_attempts (contest_id, round_id, participant_id, seed, questions, started_at, deadline,
             submitted_at, effective_submitted_at, status, score, max_score, correct_count, is_all_correct, duration_ms, prediction)
      select '${contestId}', r.id, p.id, g, '[]', s.started, s.started + interval '10 minutes',
             s.started + (a.d || ' milliseconds')::interval, s.started + (a.d || ' milliseconds')::interval, 'on_time',
             a.score, 10, a.score, a.score = 10, a.d, ((g::bigint * 7919) % 50000)::int
      from generate_series(1, ${RANK_ATTEMPTS}) g
      join lateral (select (g::bigint * 2654435761 % 11)::int as score, (30000 + (g::bigint * 40503) % 570000)::int as d) a on true
      join lateral (select now() - interval '8 days' + ((g::bigint * 104729) % 600000) * interval '1 second' as started) s on true
      join contest_rounds r on r.contest_id = '${contestId}' and r.number = 2
      join (select id, row_number() over (order by phone) as n from contest_participants
            where contest_id = '${contestId}' and phone like '03%') p on p.n = 1 + (g % ${people});
      analyze contest_attempts; analyze contest_participants;
    `);
    const loadMs = performance.now() - t0;
    const [round] = await rawQuery<{ id: string }>(
      database,
      'select id from contest_rounds where contest_id = $1 and number = 2',
      [contestId],
    );
    const deps = {
      config: loadConfig({}),
      database,
      db: database.db,
      today: () => new Date().toISOString().slice(0, 10),
      now: () => new Date(),
    };
    const r0 = performance.now();
    const summary = await closeRound(deps, contestId, round!.id);
    const rankMs = performance.now() - r0;
    console.log(
      `  ranking ${RANK_ATTEMPTS.toLocaleString('en')} attempts of ${summary.participants.toLocaleString('en')} people (true count ${summary.trueCount}): ${(rankMs / 1000).toFixed(2)} s  (data loaded in ${(loadMs / 1000).toFixed(1)} s, not counted)`,
    );
  } finally {
    await database.close();
  }
}

async function countStored(target: Target, ids: string[]): Promise<number> {
  const database = await target.open();
  try {
    let stored = 0;
    for (let i = 0; i < ids.length; i += 5000) {
      const list = ids
        .slice(i, i + 5000)
        .map((id) => `'${id}'`)
        .join(',');
      const [row] = await rawQuery<{ n: number }>(
        database,
        `select count(*)::int as n from contest_attempts where id in (${list}) and submitted_at is not null`,
      );
      stored += row!.n;
    }
    return stored;
  } finally {
    await database.close();
  }
}

async function runOne(
  kind: Target['kind'],
  ceiling: number | null,
  port: number,
): Promise<boolean> {
  const target = await freshTarget(kind);
  const baseUrl = `http://127.0.0.1:${port}`;
  let server = await startServer(target, port);
  let ok = true;
  try {
    const b0 = performance.now();
    const contestId = await buildContest(baseUrl);
    console.log(
      `\n${kind}: contest with ${QUESTIONS} questions built in ${((performance.now() - b0) / 1000).toFixed(1)} s`,
    );
    const driver = startDriver(baseUrl, contestId, 10_000_000);
    await driver.registered;
    const processes = { server: server.pid, driver: driver.child.pid };
    const cpuBefore = snapshotCpu(processes, target.database);
    // Read when the driver reports, before it is stopped: the load phase's CPU only.
    driver.onEnd = () => snapshotCpu(processes, target.database);
    if (CRASH) {
      await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      const result = await driver.result;
      printLoad(`${kind} (killed with SIGKILL halfway)`, result, null);
      server = await startServer(target, port);
      await stopServer(server);
      const stored = await countStored(target, result.acknowledged);
      const lost = result.acknowledged.length - stored;
      console.log(
        `  acknowledged before the kill ${result.acknowledged.length}, stored after restart ${stored}, lost ${lost}`,
      );
      ok = lost === 0;
    } else {
      const result = await driver.result;
      const cpuAfter = driver.cpuAtEnd ?? snapshotCpu(processes, target.database);
      printLoad(kind, result, ceiling);
      console.log(
        `  CPU per completed attempt ${describeCpuPer(cpuBefore, cpuAfter, result.completed)}`,
      );
      await stopServer(server);
      if (RANK_ATTEMPTS > 0) await rankRound(target, contestId);
    }
  } finally {
    await stopServer(server);
    await target.dispose();
  }
  return ok;
}

const which = env.BENCH_DB ?? 'both';
console.log(
  `bench:contest — ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
);
const ceiling = CRASH ? null : (await measureFastifyCeiling(USERS, 10)).requestsPerSecond;
if (ceiling)
  console.log(
    `Fastify validated POST on this machine, ${USERS} users: ${ceiling.toFixed(0)} req/s`,
  );
let allOk = true;
const port = 3900 + Math.floor(Math.random() * 90);
if (which === 'both' || which === 'postgres')
  allOk = (await runOne('postgres', ceiling, port)) && allOk;
if (which === 'both' || which === 'pglite')
  allOk = (await runOne('pglite', ceiling, port + 1)) && allOk;
console.log(`\nload average at the end ${os.loadavg()[0]!.toFixed(1)}`);
process.exit(allOk ? 0 : 1);
