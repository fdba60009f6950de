import type { SQL } from 'drizzle-orm';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import { unitVersions, versionHoldsOn } from '../org/index.ts';
import { people } from './people.table.ts';

/** A person with the unit they belong to, as that unit stands today. */
export type PersonRow = {
  id: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  fullName: string;
  searchName: string;
  category: string;
  isFullTime: boolean | null;
  gender: string | null;
  birthDate: string | null;
  joinDate: string | null;
  phone: string | null;
  idNumber: string | null;
  email: string | null;
};

const personColumns = {
  id: people.id,
  unitId: people.unitId,
  unitName: unitVersions.name,
  unitPath: unitVersions.path,
  fullName: people.fullName,
  searchName: people.searchName,
  category: people.category,
  isFullTime: people.isFullTime,
  gender: people.gender,
  birthDate: people.birthDate,
  joinDate: people.joinDate,
  phone: people.phone,
  idNumber: people.idNumber,
  email: people.email,
};

/** People joined to their unit's versions; callers add versionHoldsOn(date) among the conditions. */
export function selectPeople(db: Db, conditions: SQL[]) {
  return db
    .select(personColumns)
    .from(people)
    .innerJoin(unitVersions, eq(unitVersions.unitId, people.unitId))
    .where(and(...conditions));
}

/** A person with their unit as it stands today; null when absent (or their unit has no version today). */
export async function findPersonRow(db: Db, id: string, today: IsoDate): Promise<PersonRow | null> {
  const [row] = await selectPeople(db, [eq(people.id, id), versionHoldsOn(today)]);
  return row ?? null;
}

/** Phones and ID numbers among the given ones that some person already has. */
export async function findTakenIdentifiers(
  db: Db,
  phones: string[],
  idNumbers: string[],
  exceptPersonId?: string,
): Promise<{ phones: Set<string>; idNumbers: Set<string> }> {
  const taken = { phones: new Set<string>(), idNumbers: new Set<string>() };
  const except = exceptPersonId ? sql` and ${people.id} <> ${exceptPersonId}` : sql``;
  for (const chunk of chunks(phones, 1000)) {
    const rows = await db
      .select({ value: people.phone })
      .from(people)
      .where(sql`${inArray(people.phone, chunk)}${except}`);
    for (const r of rows) if (r.value) taken.phones.add(r.value);
  }
  for (const chunk of chunks(idNumbers, 1000)) {
    const rows = await db
      .select({ value: people.idNumber })
      .from(people)
      .where(sql`${inArray(people.idNumber, chunk)}${except}`);
    for (const r of rows) if (r.value) taken.idNumbers.add(r.value);
  }
  return taken;
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
