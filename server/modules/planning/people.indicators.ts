import { sql } from 'drizzle-orm';
import type { ComputedIndicator, ComputedRow } from './indicator.types.ts';
import { selectRows } from './planning.sql.ts';

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
    const rows = await selectRows<Raw>(
      db,
      sql`
      select s.unit_path, p.category, p.gender as sex, count(*)::float8 as value
      from people p join (${context.subtree}) s on s.unit_id = p.unit_id
      group by s.unit_path, p.category, p.gender`,
    );
    return toRows(rows);
  },
};

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
