import { createHash, randomBytes } from 'node:crypto';
import type { Role, UnitKind } from '../../common/enums.ts';
import { foldForSearch } from '../../common/text.ts';
import type { Db } from '../kernel/db/client.ts';
import { roleGrants, sessions, users } from '../modules/identity/identity.table.ts';
import { units, unitVersions } from '../modules/org/org.table.ts';
import { findProvinceIds } from '../modules/org/province.ts';
import { people } from '../modules/people/people.table.ts';

/**
 * Test factories write rows directly, so every test can build its own isolated subtree in a
 * shared database without going through the API under test.
 */

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

export type BuiltUnit = { id: string; code: string; name: string; path: string };

export async function buildUnit(
  db: Db,
  options: {
    parent?: BuiltUnit | null;
    name?: string;
    kind?: UnitKind;
    code?: string;
    validFrom?: string;
  } = {},
): Promise<BuiltUnit> {
  const code = options.code ?? `T-${uniqueSuffix()}`;
  const name = options.name ?? `Đơn vị ${code}`;
  const validFrom = options.validFrom ?? '2020-01-01';
  const [unit] = await db
    .insert(units)
    .values({ code, wing: 'doan', establishedOn: validFrom })
    .returning({ id: units.id, seq: units.seq });
  const path = options.parent ? `${options.parent.path}.u${unit!.seq}` : `u${unit!.seq}`;
  await db.insert(unitVersions).values({
    unitId: unit!.id,
    parentId: options.parent?.id ?? null,
    name,
    shortName: name,
    searchName: foldForSearch(`${name} ${code}`),
    kind: options.kind ?? (options.parent ? 'grassroots' : 'province'),
    path,
    validFrom,
  });
  return { id: unit!.id, code, name, path };
}

/** A unit tree for one test: a root province with two grassroots units, the first with a chapter. */
export async function buildSubtree(db: Db, rootName = 'Tỉnh đoàn Thử nghiệm') {
  const root = await buildUnit(db, { name: rootName, kind: 'province' });
  const a = await buildUnit(db, { parent: root, name: 'Đoàn xã An Bình', kind: 'grassroots' });
  const b = await buildUnit(db, { parent: root, name: 'Đoàn phường Bồ Đề', kind: 'grassroots' });
  const chapter = await buildUnit(db, { parent: a, name: 'Chi đoàn Ấp 1', kind: 'chapter' });
  return { root, a, b, chapter };
}

export type BuiltUser = { id: string; username: string; cookie: string };

/**
 * A user with the given grants and a live session; `cookie` goes in the Cookie header.
 * The password hash is a placeholder: tests that log in use the identity API instead.
 */
export async function buildUser(
  db: Db,
  grants: { unit: BuiltUnit; role: Role }[],
  options: { displayName?: string } = {},
): Promise<BuiltUser> {
  const username = `user_${uniqueSuffix().toLowerCase()}`;
  const [user] = await db
    .insert(users)
    .values({
      username,
      displayName: options.displayName ?? `Người dùng ${username}`,
      passwordHash: 'not-a-hash',
    })
    .returning({ id: users.id });
  for (const grant of grants) {
    await db
      .insert(roleGrants)
      .values({ userId: user!.id, unitId: grant.unit.id, role: grant.role });
  }
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: createHash('sha256').update(token).digest('hex'),
    userId: user!.id,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return { id: user!.id, username, cookie: `px_session=${token}` };
}

export async function buildPerson(
  db: Db,
  unit: BuiltUnit,
  options: { fullName?: string; category?: string; phone?: string; birthDate?: string } = {},
) {
  const fullName = options.fullName ?? 'Nguyễn Văn An';
  const [row] = await db
    .insert(people)
    .values({
      unitId: unit.id,
      provinceId: (await findProvinceIds(db, [unit.id])).get(unit.id)!,
      fullName,
      searchName: foldForSearch(fullName),
      category: options.category ?? 'member',
      phone: options.phone ?? null,
      birthDate: options.birthDate ?? null,
    })
    .returning();
  return row!;
}

/**
 * A small national tree for one test: central → two provinces → a district each → two grassroots
 * units each, and a chapter under the first grassroots unit of province A.
 */
export async function buildNation(db: Db, validFrom = '2020-01-01') {
  const s = uniqueSuffix();
  const unit = (name: string, parent: BuiltUnit | null, kind: UnitKind) =>
    buildUnit(db, { parent, name: `${name} ${s}`, kind, validFrom });
  const central = await unit('Trung ương Đoàn', null, 'central');
  const provinceA = await unit('Tỉnh đoàn Alpha', central, 'province');
  const provinceB = await unit('Tỉnh đoàn Beta', central, 'province');
  const districtA = await unit('Huyện đoàn Alpha', provinceA, 'district');
  const districtB = await unit('Huyện đoàn Beta', provinceB, 'district');
  const a1 = await unit('Đoàn xã An', districtA, 'grassroots');
  const a2 = await unit('Đoàn xã Bình', districtA, 'grassroots');
  const b1 = await unit('Đoàn xã Cường', districtB, 'grassroots');
  const b2 = await unit('Đoàn xã Đông', districtB, 'grassroots');
  const chapter = await unit('Chi đoàn Ấp Một', a1, 'chapter');
  return {
    suffix: s,
    central,
    provinceA,
    provinceB,
    districtA,
    districtB,
    a1,
    a2,
    b1,
    b2,
    chapter,
  };
}
export type Nation = Awaited<ReturnType<typeof buildNation>>;
