/**
 * The virtual participants of `npm run bench:contest`, in their own process (so the server's
 * event loop is not shared with its load): each registers (proof of work solved here), then
 * loops start → submit until the time is up. Prints one JSON line with its counts and samples.
 *
 *   node bench/contest/driver.ts <baseUrl> <contestId> <users> <seconds> <powBits> <phoneBase>
 */
import { performance } from 'node:perf_hooks';
import { solveChallenge } from '../../server/modules/contests/proof-of-work.ts';
import type { Connection } from '../http/client.ts';
import { connect } from '../http/client.ts';

export type DriverResult = {
  registered: number;
  completed: number;
  elapsedMs: number;
  startMs: number[];
  submitMs: number[];
  errors: Record<string, number>;
  /** Attempts whose submit got a 2xx: the crash check looks each one up after a restart. */
  acknowledged: string[];
};

type Question = { id: string; options: { id: string }[] };

const [baseUrl, contestId, usersArg, secondsArg, bitsArg, phoneBaseArg] = process.argv.slice(2);
const users = Number(usersArg);
const seconds = Number(secondsArg);
const bits = Number(bitsArg);
const phoneBase = Number(phoneBaseArg);
const base = `/api/public/contests/${contestId}`;

const result: DriverResult = {
  registered: 0,
  completed: 0,
  elapsedMs: 0,
  startMs: [],
  submitMs: [],
  errors: {},
  acknowledged: [],
};
const countError = (what: string) => (result.errors[what] = (result.errors[what] ?? 0) + 1);

async function register(c: Connection, index: number): Promise<string | null> {
  const challenge = await c.request('GET', `${base}/challenge`);
  if (challenge.status !== 200) return (countError(`challenge ${challenge.status}`), null);
  const { challenge: token } = JSON.parse(challenge.body) as { challenge: string };
  const reply = await c.request('POST', `${base}/participants`, {
    fullName: `Người thi ${index}`,
    phone: `09${String(phoneBase + index).padStart(8, '0')}`,
    birthYear: 2000 + (index % 10),
    unitText: 'Trường THPT Trần Phú',
    challenge: token,
    solution: solveChallenge(token, bits),
  });
  if (reply.status !== 201) return (countError(`register ${reply.status}`), null);
  const cookie = reply.setCookies.map((c) => c.split(';')[0]).join('; ');
  result.registered++;
  return cookie;
}

/** One start → submit; false once the server is gone (the crash check stops the users then). */
async function attempt(c: Connection, cookie: string, index: number): Promise<boolean> {
  const started = await c.request('POST', `${base}/attempts`, {}, { cookie });
  if (started.status !== 201) {
    countError(`start ${started.status}`);
    return true;
  }
  result.startMs.push(started.ms);
  const { attempt: view } = JSON.parse(started.body) as {
    attempt: { id: string; questions: Question[] };
  };
  const answers = view.questions.map((q, i) => ({
    questionId: q.id,
    optionIds: [q.options[(index + i) % q.options.length]!.id],
  }));
  const submitted = await c.request(
    'POST',
    `${base}/attempts/${view.id}/submit`,
    { answers, prediction: 1000 + index },
    { cookie },
  );
  if (submitted.status !== 200) {
    countError(`submit ${submitted.status}`);
    return true;
  }
  result.submitMs.push(submitted.ms);
  result.completed++;
  result.acknowledged.push(view.id);
  return true;
}

async function user(index: number, until: { at: number }): Promise<void> {
  const c = connect(baseUrl!);
  try {
    const cookie = await register(c, index);
    if (!cookie) return;
    await ready;
    while (performance.now() < until.at) {
      if (!(await attempt(c, cookie, index))) break;
    }
  } catch (error) {
    // A refused or reset connection: the server was killed (crash check) or fell over.
    countError(`network ${(error as Error).message}`);
  } finally {
    c.close();
  }
}

// Everyone registers first; the measured phase (start → submit) begins when all are ready.
let release!: () => void;
const ready = new Promise<void>((resolve) => (release = resolve));
const until = { at: Infinity };
const running = Array.from({ length: users }, (_, i) => user(i, until));
const registering = setInterval(() => {
  if (result.registered + Object.values(result.errors).reduce((a, b) => a + b, 0) >= users) {
    clearInterval(registering);
    process.send?.({ registered: result.registered });
    const t0 = performance.now();
    until.at = t0 + seconds * 1000;
    release();
    void Promise.all(running).then(() => {
      result.elapsedMs = performance.now() - t0;
      process.send?.({ result });
    });
  }
}, 20);
