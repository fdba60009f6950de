import { sql } from 'drizzle-orm';
import type { ComputedIndicator, ComputeContext } from '../planning/index.ts';
import type { Db } from '../../kernel/db/client.ts';

/**
 * Contest participation as computed indicators for planning's targets ("at least 80 % of members
 * take part in the online contests"). A participant counts in a period when they finished an
 * attempt (submitted or expired) inside it; members count under their unit in the people module.
 */

type Raw = { unit_path: string; value: number; denominator: number | null };

async function select(db: Db, query: ReturnType<typeof sql>): Promise<Raw[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: Raw[] }).rows;
}

function until(context: ComputeContext): string {
  return context.window.to < context.asOf ? context.window.to : context.asOf;
}

const finishedIn = (context: ComputeContext) => sql`
  a.status <> 'active'
  and (a.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date >= ${context.window.from}::date
  and (a.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date <= ${until(context)}::date`;

export const contestParticipants: ComputedIndicator = {
  definition: {
    code: 'contest_participants',
    name: 'Số lượt người tham gia các cuộc thi trực tuyến',
    unitLabel: 'người',
    measure: 'count',
    periodType: 'year',
    aggregation: 'sum',
    accumulation: 'flow',
    source: 'computed',
    byCategory: false,
    bySex: false,
    reference: 'Người dự thi có bài thi đã nộp trong kỳ, theo đơn vị đăng ký',
  },
  async compute(db, context) {
    const rows = await select(
      db,
      sql`
      select s.unit_path, count(distinct p.id)::float8 as value, null::float8 as denominator
      from contest_participants p join (${context.subtree}) s on s.unit_id = p.unit_id
      where exists (select 1 from contest_attempts a where a.participant_id = p.id and ${finishedIn(context)})
      group by s.unit_path`,
    );
    return rows.map((r) => ({
      unitPath: r.unit_path,
      category: null,
      sex: null,
      value: Number(r.value),
      denominator: null,
    }));
  },
};

export const contestParticipationPct: ComputedIndicator = {
  definition: {
    code: 'contest_member_participation_pct',
    name: 'Tỷ lệ đoàn viên tham gia các cuộc thi trực tuyến',
    unitLabel: '%',
    measure: 'percent',
    periodType: 'year',
    aggregation: 'ratio',
    accumulation: 'flow',
    source: 'computed',
    byCategory: false,
    bySex: false,
    numeratorLabel: 'Số đoàn viên đã dự thi',
    denominatorLabel: 'Tổng số đoàn viên (theo dữ liệu trên hệ thống)',
    reference: 'Đoàn viên có bài thi đã nộp trong kỳ ÷ đoàn viên của đơn vị',
  },
  async compute(db, context) {
    const rows = await select(
      db,
      sql`
      select s.unit_path,
        (count(*) filter (where exists (
          select 1 from contest_participants p join contest_attempts a on a.participant_id = p.id
          where p.person_id = pe.id and ${finishedIn(context)})))::float8 as value,
        count(*)::float8 as denominator
      from people pe join (${context.subtree}) s on s.unit_id = pe.unit_id
      where pe.category = 'member'
      group by s.unit_path`,
    );
    return rows.map((r) => ({
      unitPath: r.unit_path,
      category: null,
      sex: null,
      value: Number(r.value),
      denominator: Number(r.denominator),
    }));
  },
};

export const CONTEST_INDICATORS: ComputedIndicator[] = [
  contestParticipants,
  contestParticipationPct,
];
