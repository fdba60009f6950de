import type { Db } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { JobDefinition } from './job-definition.ts';
import { jobs } from './jobs.table.ts';

export type EnqueueMeta = {
  /** The user who asked; they may always read the job. Null for the system. */
  createdBy: string | null;
  /** The unit the job works for; anyone with a role on it may read the job. */
  unitId: string | null;
  /** How much there is to do, when known up front (the progress bar shows it at once). */
  total?: number;
};

/**
 * Adds a job inside the caller's transaction: it becomes visible to runners only if the caller
 * commits, so a change and the work it asks for are one unit. The payload is checked against the
 * kind's schema here; a bad one is the caller's error (400) and nothing is written.
 */
export async function enqueueJob<Payload>(
  tx: Db,
  definition: JobDefinition<Payload, unknown>,
  payload: Payload,
  meta: EnqueueMeta,
): Promise<{ id: string }> {
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      'Dữ liệu của công việc không hợp lệ.',
      parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || null })),
    );
  }
  const [row] = await tx
    .insert(jobs)
    .values({
      kind: definition.kind,
      payload: parsed.data,
      maxAttempts: definition.maxAttempts ?? 3,
      createdBy: meta.createdBy,
      unitId: meta.unitId,
      progressTotal: meta.total ?? null,
    })
    .returning({ id: jobs.id });
  return { id: row!.id };
}
