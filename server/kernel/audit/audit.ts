import type { Db } from '../db/client.ts';
import { auditLog } from './audit.table.ts';

export type AuditEntry = {
  actorId: string | null;
  /** Verb in the module's vocabulary: 'unit.create', 'person.import', … */
  action: string;
  entity: string;
  entityId: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Must be called with the transaction that performs the change. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    unitId: entry.unitId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export { auditLog };
