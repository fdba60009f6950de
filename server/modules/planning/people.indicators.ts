import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { ComputedIndicator, ComputedRow } from './indicator.types.ts';
import { selectRows } from './planning.sql.ts';
import { cached, readRevisions } from './rollup.cache.ts';

/**
 * People counts, computed from the `people` table (read with SQL text: planning reaches the
 * people module only through its table, never its internal files).
 *
 * The people module keeps each person's current unit, not a history of moves. A person is
 * counted under their current unit, placed where that unit stood on the tree date; people of a
 * unit that did not exist on that date (the target of a later merge) are not counted for it.
 */

type Raw = { unit_path: string; category: string | null; sex: string | null; value: number };

function toRows(rows: Raw[]): ComputedRow[] {
  return rows.map((r) => ({
    unitPath: r.unit_path,
    category: r.category,
    sex: r.sex,
    value: Number(r.value),
    denominator: null,
  }));
}

export const peopleCount: ComputedIndicator = {
  definition: {
    code: 'people_count',
    name: 'Số cán bộ, đoàn viên, thanh niên, thiếu niên, nhi đồng',
    unitLabel: 'người',
    measure: 'count',
    periodType: 'year',
    aggregation: 'sum',
    accumulation: 'stock',
    source: 'computed',
    byCategory: true,
    bySex: true,
    reference: 'Dữ liệu cán bộ, đoàn viên, thanh thiếu nhi trên hệ thống',
  },
  async compute(db, context) {
    // people_unit_counts (kept by the people triggers, migration 0013): a few rows per unit
    // instead of every person of the subtree. Gender '' there is a person without one.
    const rows = await selectRows<Raw>(
      db,
      sql`
      select s.unit_path, p.category, nullif(p.gender, '') as sex, sum(p.n)::float8 as value
      from people_unit_counts p join (${context.subtree}) s on s.unit_id = p.unit_id
      group by s.unit_path, p.category, p.gender`,
    );
    return toRows(rows);
  },
  /**
   * The whole country: people_counts (by people.province_id, kept by triggers) go to their
   * province's bucket on the tree date; the people of units whose shape changed after that date
   * (the only ones whose bucket then may differ) are taken out and counted where their unit
   * stood. Null when a province's remaining count has no bucket (cannot happen when the table
   * and the triggers agree): the per-unit count answers then.
   */
  async computeNational(db, context) {
    const d = context.treeDate;
    const holds = (alias: string) =>
      sql.raw(
        `${alias}.valid_from <= '${d}'::date and (${alias}.valid_to is null or ${alias}.valid_to > '${d}'::date)`,
      );
    const bucket = (alias: string) =>
      sql.raw(
        `(case when nlevel(${alias}.path) > 1 then subpath(${alias}.path, 0, 2) else ${alias}.path end)::text`,
      );
    const totals = await selectRows<
      Raw & { province: string; unit_path: string | null; elsewhere: boolean }
    >(
      db,
      sql`select pc.province_id::text as province, b.bucket as unit_path, pc.category,
          pc.gender as sex, pc.n::float8 as value,
          exists (select 1 from unit_versions w where w.unit_id = pc.province_id and ${holds('w')}
            and not (w.path <@ ${context.rootPath}::ltree)) as elsewhere
        from people_counts pc
        left join lateral (select ${bucket('v')} as bucket from unit_versions v
          where v.unit_id = pc.province_id and ${holds('v')}
            and v.path <@ ${context.rootPath}::ltree) b on true`,
    );
    // People of the units changed after the tree date, where each unit stood then (5,000 units
    // since the end of 2025 in the benchmark, 26,000 people). Remembered under the tree's
    // revision and the people revision (the sum of people_counts.revision, which every write to
    // people raises, migration 0013), so a write anywhere is seen by the next request.
    const [people] = await selectRows<{ revision: string }>(
      db,
      sql`select coalesce(sum(revision), 0)::text as revision from people_counts`,
    );
    const rev = await readRevisions(db);
    const compute = () => movedPeople(db, d, context.rootPath, holds, bucket);
    const moved = rev
      ? await cached(db, `moved|${context.rootPath}|${d}|${rev.tree}|${people!.revision}`, compute)
      : await compute();
    const key = (r: { province: string; category: string | null; sex: string | null }) =>
      `${r.province}|${r.category}|${r.sex}`;
    const movedOut = new Map<string, number>();
    for (const m of moved) movedOut.set(key(m), (movedOut.get(key(m)) ?? 0) + Number(m.value));
    const out = new Map<string, Raw>();
    const add = (path: string, category: string | null, sex: string | null, n: number) => {
      const k = `${path}|${category}|${sex}`;
      const row = out.get(k) ?? { unit_path: path, category, sex, value: 0 };
      row.value += n;
      out.set(k, row);
    };
    for (const t of totals) {
      const staying = Number(t.value) - (movedOut.get(key(t)) ?? 0);
      if (staying === 0) continue;
      if (staying < 0) return null;
      // Another tree's province (its people stand outside the root), else a contradiction.
      if (t.unit_path !== null) add(t.unit_path, t.category, t.sex || null, staying);
      else if (!t.elsewhere) return null;
    }
    for (const m of moved)
      if (m.unit_path) add(m.unit_path, m.category, m.sex || null, Number(m.value));
    return toRows([...out.values()]);
  },
};

type Moved = Raw & { province: string; unit_path: string | null };

async function movedPeople(
  db: Db,
  d: IsoDate,
  rootPath: string,
  holds: (alias: string) => SQL,
  bucket: (alias: string) => SQL,
): Promise<Moved[]> {
  return selectRows<Moved>(
    db,
    sql`select p.province_id::text as province, b.bucket as unit_path, p.category,
        p.gender as sex, sum(p.n)::float8 as value
      from people_unit_counts p
      join (select distinct unit_id from unit_versions
            where valid_from > ${d}::date) changed on changed.unit_id = p.unit_id
      left join lateral (select ${bucket('v')} as bucket from unit_versions v
        where v.unit_id = p.unit_id and ${holds('v')}
          and v.path <@ ${rootPath}::ltree) b on true
      group by 1, 2, 3, 4`,
  );
}

export const newMembersAdmitted: ComputedIndicator = {
  definition: {
    code: 'new_members_admitted',
    name: 'Số đoàn viên kết nạp mới',
    unitLabel: 'đoàn viên',
    measure: 'count',
    periodType: 'year',
    aggregation: 'sum',
    accumulation: 'flow',
    source: 'computed',
    byCategory: false,
    bySex: true,
    reference: 'Ngày vào Đoàn của đoàn viên trên hệ thống',
  },
  async compute(db, context) {
    const until = context.window.to < context.asOf ? context.window.to : context.asOf;
    const rows = await selectRows<Raw>(
      db,
      sql`
      select s.unit_path, 'member' as category, p.gender as sex, count(*)::float8 as value
      from people p join (${context.subtree}) s on s.unit_id = p.unit_id
      where p.category = 'member' and p.join_date >= ${context.window.from}::date
        and p.join_date <= ${until}::date
      group by s.unit_path, p.gender`,
    );
    return toRows(rows);
  },
};

export const PEOPLE_INDICATORS: ComputedIndicator[] = [peopleCount, newMembersAdmitted];
