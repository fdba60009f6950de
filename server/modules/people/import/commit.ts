import { randomUUID } from 'node:crypto';
import { foldForSearch } from '../../../../common/text.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { recordAudit } from '../../../kernel/audit/audit.ts';
import type { Db } from '../../../kernel/db/client.ts';
import { findProvinceIds } from '../../org/index.ts';
import { chunks } from '../people.queries.ts';
import { people } from '../people.table.ts';
import type { ImportDraft } from './validate.ts';

/** Rows per INSERT statement: 13 parameters each stays far below PostgreSQL's 65,535. */
const INSERT_BATCH = 1000;

/**
 * Inserts every validated row in one transaction with multi-row INSERTs, plus one audit record
 * for the whole import. Any failure rolls all of it back: an import never lands half-way.
 */
export async function commitImport(db: Db, actor: Actor, drafts: ImportDraft[]): Promise<number> {
  const unitIds = [...new Set(drafts.map((d) => d.unitId))];
  await db.transaction(async (tx) => {
    const provinces = await findProvinceIds(tx, unitIds);
    for (const batch of chunks(drafts, INSERT_BATCH)) {
      await tx.insert(people).values(
        batch.map((d) => ({
          unitId: d.unitId,
          provinceId: provinces.get(d.unitId)!,
          fullName: d.fullName,
          searchName: foldForSearch(d.fullName),
          category: d.category,
          isFullTime: d.isFullTime,
          gender: d.gender,
          birthDate: d.birthDate,
          joinDate: d.joinDate,
          phone: d.phone,
          idNumber: d.idNumber,
          email: d.email,
        })),
      );
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'person.import',
      entity: 'person_import',
      entityId: randomUUID(),
      unitId: unitIds.length === 1 ? unitIds[0] : null,
      after: { count: drafts.length, unitIds },
    });
  });
  return drafts.length;
}
