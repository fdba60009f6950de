import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../kernel/db/client.ts';
import { roleGrants, users } from '../identity/index.ts';

/**
 * The people who write a unit's reports: active users holding editor or admin on the unit
 * itself (not on an ancestor — the levels above are not the ones to remind).
 */
export async function findReportWriters(db: Db, unitIds: string[]): Promise<Map<string, string[]>> {
  const byUnit = new Map<string, string[]>();
  if (unitIds.length === 0) return byUnit;
  const rows = await db
    .select({ unitId: roleGrants.unitId, userId: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        inArray(roleGrants.unitId, unitIds),
        inArray(roleGrants.role, ['editor', 'admin']),
        eq(users.isDisabled, false),
      ),
    );
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r.userId]);
  return byUnit;
}
