import { sql } from 'drizzle-orm';
import { foldForSearch } from '../../common/text.ts';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../server/kernel/db/client.ts';
import { peopleInsertSql } from './people-sql.ts';
import { rawQuery, runLimited } from './raw.ts';
import { timed } from './stats.ts';
import type { SyntheticOrg } from './synthetic-org.ts';

/**
 * Bulk load of a synthetic organisation into a freshly migrated database.
 *
 * As in any bulk load, the loaded tables' keys, indexes and foreign keys (and foreign keys
 * pointing at them) are dropped first and rebuilt afterwards from their own catalogue
 * definitions (pg_get_indexdef, pg_get_constraintdef), so the final schema is exactly the
 * migrated one; the loader checks that. Rebuilding re-validates every foreign key and re-checks
 * that ids, codes, phones and ID numbers are unique.
 */

export type LoadTimings = {
  unitsInsertMs: number;
  unitsIndexMs: number;
  peopleInsertMs: number;
  peopleIndexMs: number;
  vacuumAnalyzeMs: number;
  /** Each rebuilt key, index and foreign key, in ms. */
  structures: Record<string, number>;
};

type Structure = {
  kind: 'key' | 'index' | 'fk';
  table: string;
  name: string;
  def: string;
  /** The loaded table it belongs to (a foreign key from elsewhere belongs to its target). */
  owner: string;
};

const UNIT_TABLES = ['units', 'unit_versions', 'restructure_events'];
const PEOPLE_TABLES = ['people'];
const BATCH_ROWS = 20_000;

async function structuresOf(database: Database, tables: string[]): Promise<Structure[]> {
  const list = `{${tables.join(',')}}`;
  const rows = await rawQuery<Omit<Structure, 'kind'> & { kind: string }>(
    database,
    `select 'index' as kind, t.relname as table, i.relname as name, pg_get_indexdef(i.oid) as def,
            t.relname as owner
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class t on t.oid = x.indrelid
      where t.relnamespace = 'public'::regnamespace and t.relname = any($1::text[])
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
     union all
     select case c.contype when 'f' then 'fk' else 'key' end, t.relname, c.conname,
            pg_get_constraintdef(c.oid),
            case when t.relname = any($1::text[]) then t.relname else r.relname end
       from pg_constraint c
       join pg_class t on t.oid = c.conrelid
       left join pg_class r on r.oid = c.confrelid
      where c.contype in ('p', 'u', 'f') and t.relnamespace = 'public'::regnamespace
        and (t.relname = any($1::text[]) or r.relname = any($1::text[]))
      order by 1, 2, 3`,
    [list],
  );
  return rows.map((r) => ({ ...r, kind: r.kind as Structure['kind'] }));
}

async function dropAll(database: Database, items: Structure[]): Promise<void> {
  const order: Structure['kind'][] = ['fk', 'key', 'index'];
  for (const kind of order) {
    for (const s of items.filter((x) => x.kind === kind)) {
      await database.exec(
        s.kind === 'index'
          ? `drop index "${s.name}"`
          : `alter table "${s.table}" drop constraint "${s.name}"`,
      );
    }
  }
}

/** Rebuilds keys, then indexes, then foreign keys; two at a time on PostgreSQL (two cores). */
async function rebuildAll(
  database: Database,
  items: Structure[],
  timings: Record<string, number>,
): Promise<void> {
  const memory = database.kind === 'postgres' ? '1GB' : '256MB';
  const build = (s: Structure) => async () => {
    const [, ms] = await timed(() =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local maintenance_work_mem = '${memory}'`));
        await tx.execute(
          sql.raw(
            s.kind === 'index'
              ? s.def
              : `alter table "${s.table}" add constraint "${s.name}" ${s.def}`,
          ),
        );
      }),
    );
    timings[s.name] = ms;
  };
  const parallel = database.kind === 'postgres' ? 2 : 1;
  for (const kind of ['key', 'index', 'fk'] as const) {
    await runLimited(items.filter((s) => s.kind === kind).map(build), parallel);
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** PGlite reads COPY input from a Blob: by far its fastest way in (no JS→SQL round trips). */
async function copyInto(
  database: Database,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  for (const batch of chunks(rows, 100_000)) {
    const csv = batch.map((r) => r.map(csvField).join(',')).join('\n');
    await client.query(
      `copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`,
      [],
      { blob: new Blob([csv]) },
    );
  }
}

async function copyUnits(database: Database, org: SyntheticOrg): Promise<void> {
  await copyInto(
    database,
    'units',
    ['id', 'seq', 'code', 'wing', 'address', 'phone', 'email', 'established_on', 'closed_on'],
    org.units.map((u) => [
      u.id,
      String(u.seq),
      u.code,
      u.wing,
      u.address,
      u.phone,
      u.email,
      u.establishedOn,
      u.closedOn,
    ]),
  );
  await copyInto(
    database,
    'restructure_events',
    ['id', 'kind', 'effective_date', 'reason', 'payload'],
    org.events.map((e) => [e.id, e.kind, e.effectiveDate, e.reason, e.payload]),
  );
  await copyInto(
    database,
    'unit_versions',
    [
      'unit_id',
      'parent_id',
      'name',
      'short_name',
      'search_name',
      'kind',
      'path',
      'valid_from',
      'valid_to',
      'event_id',
    ],
    org.versions.map((v) => [
      v.unitId,
      v.parentId,
      v.name,
      v.shortName,
      v.searchName,
      v.kind,
      v.path,
      v.validFrom,
      v.validTo,
      v.eventId,
    ]),
  );
}

/**
 * PostgreSQL: batches of rows as one JSON parameter each, unpacked by json_to_recordset (no COPY
 * client is installed), two batches in flight.
 */
async function insertUnits(database: Database, org: SyntheticOrg): Promise<void> {
  if (database.kind === 'pglite') {
    await copyUnits(database, org);
    await rawQuery(
      database,
      `select setval(pg_get_serial_sequence('units', 'seq'), (select max(seq) from units))`,
    );
    return;
  }
  const tasks: (() => Promise<unknown>)[] = [];
  for (const batch of chunks(org.units, BATCH_ROWS)) {
    const json = JSON.stringify(
      batch.map((u) => ({
        id: u.id,
        seq: u.seq,
        code: u.code,
        wing: u.wing,
        address: u.address,
        phone: u.phone,
        email: u.email,
        established_on: u.establishedOn,
        closed_on: u.closedOn,
      })),
    );
    tasks.push(() =>
      rawQuery(
        database,
        `insert into units (id, seq, code, wing, address, phone, email, established_on, closed_on)
         overriding system value
         select * from json_to_recordset($1::json) as r(id uuid, seq bigint, code text, wing text,
           address text, phone text, email text, established_on date, closed_on date)`,
        [json],
      ),
    );
  }
  for (const batch of chunks(org.events, BATCH_ROWS)) {
    const json = JSON.stringify(
      batch.map((e) => ({
        id: e.id,
        kind: e.kind,
        effective_date: e.effectiveDate,
        reason: e.reason,
        payload: e.payload,
      })),
    );
    tasks.push(() =>
      rawQuery(
        database,
        `insert into restructure_events (id, kind, effective_date, reason, payload)
         select * from json_to_recordset($1::json) as r(id uuid, kind text, effective_date date,
           reason text, payload jsonb)`,
        [json],
      ),
    );
  }
  for (const batch of chunks(org.versions, BATCH_ROWS)) {
    const json = JSON.stringify(
      batch.map((v) => ({
        unit_id: v.unitId,
        parent_id: v.parentId,
        name: v.name,
        short_name: v.shortName,
        search_name: v.searchName,
        kind: v.kind,
        path: v.path,
        valid_from: v.validFrom,
        valid_to: v.validTo,
        event_id: v.eventId,
      })),
    );
    tasks.push(() =>
      rawQuery(
        database,
        `insert into unit_versions (unit_id, parent_id, name, short_name, search_name, kind, path,
                                    valid_from, valid_to, event_id)
         select * from json_to_recordset($1::json) as r(unit_id uuid, parent_id uuid, name text,
           short_name text, search_name text, kind text, path ltree, valid_from date,
           valid_to date, event_id uuid)`,
        [json],
      ),
    );
  }
  await runLimited(tasks, 2);
  await rawQuery(
    database,
    `select setval(pg_get_serial_sequence('units', 'seq'), (select max(seq) from units))`,
  );
}

/**
 * people.province_id of each unit, as org's findProvinceIds defines it: the unit at level 2 of
 * the unit's latest version's path (the unit itself at levels 1–2). verifyLoad checks it in SQL.
 */
export function provinceByUnit(org: SyntheticOrg): Map<string, string> {
  const latest = new Map<string, { validFrom: string; path: string }>();
  for (const v of org.versions) {
    const seen = latest.get(v.unitId);
    if (!seen || v.validFrom > seen.validFrom) latest.set(v.unitId, v);
  }
  const idBySeq = new Map(org.units.map((u) => [u.seq, u.id]));
  const out = new Map<string, string>();
  for (const [unitId, { path }] of latest) {
    const labels = path.split('.');
    const label = labels[Math.min(labels.length, 2) - 1]!;
    out.set(unitId, idBySeq.get(Number(label.slice(1)))!);
  }
  return out;
}

async function insertPeople(database: Database, org: SyntheticOrg): Promise<void> {
  const text = peopleInsertSql();
  const provinces = provinceByUnit(org);
  const batches: string[] = [];
  let current: object[] = [];
  let size = 0;
  for (const s of org.slots) {
    current.push({
      unit_id: s.unitId,
      province_id: provinces.get(s.unitId)!,
      profile: s.profile,
      start: s.start,
      n: s.n,
    });
    size += s.n;
    if (size >= 100_000) {
      batches.push(JSON.stringify(current));
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) batches.push(JSON.stringify(current));
  await runLimited(
    batches.map((json) => () => rawQuery(database, text, [json])),
    database.kind === 'postgres' ? 2 : 1,
  );
}

export async function loadOrg(
  database: Database,
  org: SyntheticOrg,
  log: (message: string) => void,
): Promise<LoadTimings> {
  const all = await structuresOf(database, [...UNIT_TABLES, ...PEOPLE_TABLES]);
  const unitStructures = all.filter((s) => UNIT_TABLES.includes(s.owner));
  const peopleStructures = all.filter((s) => PEOPLE_TABLES.includes(s.owner));
  await dropAll(database, all);

  const structures: Record<string, number> = {};
  const [, unitsInsertMs] = await timed(() => insertUnits(database, org));
  log(`${database.kind}: units inserted in ${(unitsInsertMs / 1000).toFixed(1)} s`);
  const [, unitsIndexMs] = await timed(() => rebuildAll(database, unitStructures, structures));
  log(
    `${database.kind}: unit keys, indexes and foreign keys in ${(unitsIndexMs / 1000).toFixed(1)} s`,
  );
  const [, peopleInsertMs] = await timed(() => insertPeople(database, org));
  log(`${database.kind}: people inserted in ${(peopleInsertMs / 1000).toFixed(1)} s`);
  const [, peopleIndexMs] = await timed(() => rebuildAll(database, peopleStructures, structures));
  const [, vacuumAnalyzeMs] = await timed(() =>
    database.exec('vacuum (analyze) units, unit_versions, restructure_events, people'),
  );

  const after = await structuresOf(database, [...UNIT_TABLES, ...PEOPLE_TABLES]);
  const key = (s: Structure) => `${s.kind} ${s.table} ${s.name} ${s.def}`;
  if (JSON.stringify(after.map(key).sort()) !== JSON.stringify(all.map(key).sort())) {
    throw new Error('keys, indexes or foreign keys after the load differ from the migrated schema');
  }
  return {
    unitsInsertMs,
    unitsIndexMs,
    peopleInsertMs,
    peopleIndexMs,
    vacuumAnalyzeMs,
    structures,
  };
}

/** Row counts must match the generator, and stored search names must be foldForSearch(full_name). */
export async function verifyLoad(database: Database, org: SyntheticOrg): Promise<void> {
  const [counts] = await rawQuery<{ units: string; versions: string; people: string }>(
    database,
    `select (select count(*) from units) as units, (select count(*) from unit_versions) as versions,
            (select count(*) from people) as people`,
  );
  const expected = {
    units: org.units.length,
    versions: org.versions.length,
    people: org.peopleTotal,
  };
  for (const k of ['units', 'versions', 'people'] as const) {
    if (Number(counts![k]) !== expected[k]) {
      throw new Error(`${k}: ${counts![k]} rows loaded, ${expected[k]} expected`);
    }
  }
  // Every person's province_id, recomputed in SQL the way the application stamps it.
  const [drift] = await rawQuery<{ n: string }>(
    database,
    `select count(*) as n from people p
       join lateral (select path from unit_versions where unit_id = p.unit_id
                     order by valid_from desc limit 1) v on true
      where p.province_id is distinct from (select pu.id from units pu
        where pu.seq = substr(subpath(v.path, least(nlevel(v.path), 2) - 1, 1)::text, 2)::bigint)`,
  );
  if (Number(drift!.n) !== 0) throw new Error(`${drift!.n} people with a wrong province_id`);
  const sampleRows = await rawQuery<{ full_name: string; search_name: string }>(
    database,
    `select full_name, search_name from people tablesample bernoulli (1) repeatable (7) limit 5000`,
  );
  if (sampleRows.length < Math.min(500, org.peopleTotal / 200)) {
    throw new Error(`search-name sample too small (${sampleRows.length} rows)`);
  }
  for (const r of sampleRows) {
    if (foldForSearch(r.full_name) !== r.search_name) {
      throw new Error(`search_name "${r.search_name}" is not foldForSearch("${r.full_name}")`);
    }
  }
}
