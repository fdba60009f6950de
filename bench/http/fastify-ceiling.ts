/**
 * Fastify's validated-POST ceiling on this machine: a minimal Fastify app with one JSON-schema
 * validated POST route, in its own process, driven by the same client and the same number of
 * virtual users as the contest benchmark. The contest figures are reported as a share of it.
 *
 *   npx node bench/http/fastify-ceiling.ts            (prints requests per second)
 *   BENCH_SECONDS=10 BENCH_USERS=64 npx node bench/http/fastify-ceiling.ts
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import type { Connection } from './client.ts';
import { connect } from './client.ts';

const ROUTE_SCHEMA = {
  body: {
    type: 'object',
    required: ['attemptId', 'answers'],
    additionalProperties: false,
    properties: {
      attemptId: { type: 'string', minLength: 1, maxLength: 64 },
      answers: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          required: ['q', 'o'],
          properties: { q: { type: 'integer' }, o: { type: 'array', items: { type: 'integer' } } },
        },
      },
    },
  },
} as const;

/** The server side, run in a child process so it has its own event loop (as the real server). */
async function serve(): Promise<void> {
  const app = Fastify({ logger: false });
  app.post('/submit', { schema: ROUTE_SCHEMA }, async (request) => {
    const body = request.body as { answers: unknown[] };
    return { ok: true, answered: body.answers.length };
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.send?.({ address });
}

export type CeilingResult = { requestsPerSecond: number; requests: number; errors: number };

/** Drives the minimal server for `seconds` with `users` concurrent keep-alive users. */
export async function measureFastifyCeiling(
  users: number,
  seconds: number,
): Promise<CeilingResult> {
  const child = fork(import.meta.filename, ['--serve'], { stdio: 'inherit' });
  const [message] = (await once(child, 'message')) as [{ address: string }];
  const connections = Array.from({ length: users }, () => connect(message.address));
  const body = {
    attemptId: 'a1b2c3d4',
    answers: Array.from({ length: 10 }, (_, q) => ({ q, o: [q % 4] })),
  };
  try {
    // Warm-up, then the measured window.
    const call = (c: Connection) => c.request('POST', '/submit', body);
    await runFor(1, connections, call);
    const t0 = performance.now();
    const { requests, errors } = await runFor(seconds, connections, call);
    const elapsed = (performance.now() - t0) / 1000;
    return { requestsPerSecond: requests / elapsed, requests, errors };
  } finally {
    for (const c of connections) c.close();
    child.kill();
  }
}

async function runFor(
  seconds: number,
  connections: Connection[],
  call: (c: Connection) => Promise<{ status: number }>,
): Promise<{ requests: number; errors: number }> {
  const until = performance.now() + seconds * 1000;
  let requests = 0;
  let errors = 0;
  await Promise.all(
    connections.map(async (c) => {
      while (performance.now() < until) {
        const reply = await call(c);
        requests++;
        if (reply.status !== 200) errors++;
      }
    }),
  );
  return { requests, errors };
}

if (process.argv.includes('--serve')) {
  await serve();
} else if (import.meta.filename === process.argv[1]) {
  const users = Number(process.env.BENCH_USERS ?? 64);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const result = await measureFastifyCeiling(users, seconds);
  console.log(
    `Fastify validated POST, ${users} users, ${seconds} s: ${Math.round(result.requestsPerSecond).toLocaleString('en')} req/s (${result.errors} errors)`,
  );
}
