import { sql } from 'drizzle-orm';
import type { ComputeContext, ComputedIndicator } from '../planning/index.ts';
import type { Db } from '../../kernel/db/client.ts';

/**
 * Seed 001, target (3): "100 % of newly admitted members learn political theory online". A new
 * member is a member whose join date falls in the period (as `new_members_admitted` counts them);
 * they count as having learnt when a participant linked to their person record passed the final
 * test of a political-theory course (any such course, completed by the as-of date — someone
 * admitted in December who passes in January still counts for the year they joined). Counted
 * under the member's unit, like the new members themselves.
 */

type Raw = { unit_path: string; value: number; denominator: number | null };

async function select(db: Db, query: ReturnType<typeof sql>): Promise<Raw[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: Raw[] }).rows;
}

const until = (c: ComputeContext) => (c.window.to < c.asOf ? c.window.to : c.asOf);

/** People joined in the window and, per person, whether they completed by the as-of date. */
const newMembers = (c: ComputeContext) => sql`
  select s.unit_path, exists (
      select 1 from contest_participants p
        join contest_attempts a on a.participant_id = p.id
        join courses co on co.contest_id = p.contest_id
      where p.person_id = pe.id and co.topic = 'political_theory' and co.status <> 'draft'
        and a.status <> 'active' and a.max_score > 0
        and a.score * 100 >= co.pass_mark * a.max_score
        and (coalesce(a.effective_submitted_at, a.submitted_at) at time zone 'Asia/Ho_Chi_Minh')::date
            <= ${c.asOf}::date
    ) as completed
  from people pe join (${c.subtree}) s on s.unit_id = pe.unit_id
  where pe.category = 'member' and pe.join_date >= ${c.window.from}::date
    and pe.join_date <= ${until(c)}::date`;

const toRows = (rows: Raw[], withDenominator: boolean) =>
  rows.map((r) => ({
    unitPath: r.unit_path,
    category: null,
    sex: null,
    value: Number(r.value),
    denominator: withDenominator ? Number(r.denominator) : null,
  }));

export const courseNewMembersCompleted: ComputedIndicator = {
  definition: {
    code: 'course_new_members_completed',
    name: 'Số đoàn viên kết nạp mới đã hoàn thành khoá học lý luận chính trị trực tuyến',
    unitLabel: 'đoàn viên',
    measure: 'count',
    periodType: 'year',
    aggregation: 'sum',
    accumulation: 'flow',
    source: 'computed',
    byCategory: false,
    bySex: false,
    reference:
      'KH311 chỉ tiêu (3); đoàn viên vào Đoàn trong kỳ đã đạt bài kiểm tra cuối khoá học lý luận chính trị',
  },
  async compute(db, context) {
    const rows = await select(
      db,
      sql`select unit_path, (count(*) filter (where completed))::float8 as value,
          null::float8 as denominator
        from (${newMembers(context)}) m group by unit_path`,
    );
    return toRows(rows, false);
  },
};

export const courseNewMembersCompletedPct: ComputedIndicator = {
  definition: {
    code: 'course_new_members_completed_pct',
    name: 'Tỷ lệ đoàn viên kết nạp mới hoàn thành khoá học lý luận chính trị trực tuyến',
    unitLabel: '%',
    measure: 'percent',
    periodType: 'year',
    aggregation: 'ratio',
    accumulation: 'flow',
    source: 'computed',
    byCategory: false,
    bySex: false,
    numeratorLabel: 'Số đoàn viên mới đã hoàn thành khoá học',
    denominatorLabel: 'Số đoàn viên kết nạp mới trong kỳ (theo dữ liệu trên hệ thống)',
    reference: 'KH311 chỉ tiêu (3): đoàn viên mới hoàn thành ÷ đoàn viên kết nạp mới',
  },
  async compute(db, context) {
    const rows = await select(
      db,
      sql`select unit_path, (count(*) filter (where completed))::float8 as value,
          count(*)::float8 as denominator
        from (${newMembers(context)}) m group by unit_path`,
    );
    return toRows(rows, true);
  },
};

export const COURSE_INDICATORS: ComputedIndicator[] = [
  courseNewMembersCompleted,
  courseNewMembersCompletedPct,
];
