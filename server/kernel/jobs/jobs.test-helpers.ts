import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { defineJob } from './job-definition.ts';
import { jobs } from './jobs.table.ts';

/** A promise that a test resolves when it wants a handler to go on. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function jobRow(db: Db, id: string) {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row!;
}

/** The idempotent handler of the tests: marks items 1..count, each at most once, in small batches. */
export const MARKS_TABLE = `create table if not exists job_test_marks (
  job_id uuid not null, n int not null, primary key (job_id, n))`;

export const markJob = defineJob({
  kind: 'test.mark',
  payload: z.strictObject({ count: z.number().int().min(1), batch: z.number().int().min(1) }),
  async run(ctx) {
    const { count, batch } = ctx.payload;
    for (let from = 1; from <= count; from += batch) {
      const to = Math.min(from + batch - 1, count);
      await ctx.deps.db.execute(sql`
        insert into job_test_marks (job_id, n)
        select ${ctx.jobId}::uuid, n from generate_series(${from}::int, ${to}::int) as n
        on conflict do nothing`);
      await ctx.reportProgress(to, count);
    }
    return { marked: count };
  },
});

export async function countMarks(db: Db, jobId: string): Promise<number> {
  const result: unknown = await db.execute(
    sql`select count(*)::int as n, count(distinct n)::int as d from job_test_marks where job_id = ${jobId}::uuid`,
  );
  const [row] = (result as { rows: { n: number; d: number }[] }).rows;
  if (row!.n !== row!.d) throw new Error('an item was marked twice');
  return row!.n;
}
