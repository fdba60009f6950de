import { foldForSearch } from '../../common/text.ts';
import type { Pool } from './vietnamese-names.ts';
import {
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  MIDDLE_NAMES_FEMALE,
  MIDDLE_NAMES_MALE,
} from './vietnamese-names.ts';

/**
 * The SQL that generates people inside the database (INSERT … SELECT over generate_series), the
 * fastest way to load a million rows into both PostgreSQL and PGlite.
 *
 * Parameter $1 is a JSON array of slots { unit_id, province_id, profile, start, n }: person number i (start ≤
 * i < start + n) belongs to unit_id. Every random choice is a hash of i, so the same slots give
 * the same people in every database.
 *
 * search_name is not computed by an SQL fold: each name pool is folded here with
 * common/text.ts foldForSearch and the folded parts are joined with one space, which equals
 * foldForSearch of the whole name (folding works word by word). The loader still checks a
 * sample against foldForSearch after the load.
 */

const PHONE_PREFIXES: Pool = [
  ['09', 35],
  ['03', 30],
  ['08', 15],
  ['07', 12],
  ['05', 8],
];

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function textArray(values: readonly string[]): string {
  return `(ARRAY[${values.map(literal).join(',')}]::text[])`;
}

/** Lower bounds of each item's share of [0, 1), for width_bucket(u, bounds) → 1-based index. */
function bounds(pool: Pool): string {
  const total = pool.reduce((a, [, w]) => a + w, 0);
  let acc = 0;
  const starts = pool.map(([, w]) => {
    const s = acc / total;
    acc += w;
    return s;
  });
  return `(ARRAY[${starts.map((s) => s.toFixed(8)).join(',')}]::float8[])`;
}

function names(pool: Pool): string {
  return textArray(pool.map(([n]) => n));
}

function folded(pool: Pool): string {
  return textArray(pool.map(([n]) => foldForSearch(n)));
}

/** Uniform in [0, 1) from person number i and a per-field salt. */
function u(salt: number): string {
  return `((hashint8(i * 32 + ${salt}) & 2147483647)::float8 / 2147483648.0)`;
}

const DAY = 86_400_000;
/** A date uniformly in [from, to] driven by the uniform column `uniform`. */
function dateBetween(from: string, to: string, uniform: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
  return `(date '${from}' + floor(${uniform} * ${span})::int)`;
}

export function peopleInsertSql(): string {
  const pick = (male: Pool, female: Pool, index: string, fold: boolean) =>
    `case when gender = 'male' then ${fold ? folded(male) : names(male)}[${index}] ` +
    `else ${fold ? folded(female) : names(female)}[${index}] end`;
  return `
insert into people (id, unit_id, province_id, full_name, search_name, category, is_full_time, gender,
                    birth_date, join_date, phone, id_number, email)
select
  md5('person-' || i)::uuid,
  unit_id,
  province_id,
  fam || ' ' || mid || ' ' || giv,
  fam_f || ' ' || mid_f || ' ' || giv_f,
  category,
  case when category = 'cadre'
       then u_fulltime < (case when profile = 'staff_upper' then 0.7 else 0.15 end) end,
  gender,
  birth_date,
  case when category = 'member'
       then least((birth_date + interval '16 years')::date + floor(u_join * 1095)::int,
                  date '2026-10-31') end,
  case when category not in ('teen', 'child')
       then ${names(PHONE_PREFIXES)}[width_bucket(u_prefix, ${bounds(PHONE_PREFIXES)})]
            || lpad(((i * 48271 + 7) % 100000000)::text, 8, '0') end,
  case when category <> 'child'
       then '0' || lpad(((i * 7919 + 3) % 100000000000)::text, 11, '0') end,
  case when (category = 'cadre' and u_mail < 0.9) or (category = 'member' and u_mail < 0.3)
       then replace(fam_f || ' ' || mid_f || ' ' || giv_f, ' ', '.') || '.' || i || '@gmail.com' end
from (
  select c.*,
    ${names(FAMILY_NAMES)}[fam_i] as fam,
    ${folded(FAMILY_NAMES)}[fam_i] as fam_f,
    ${pick(MIDDLE_NAMES_MALE, MIDDLE_NAMES_FEMALE, 'mid_i', false)} as mid,
    ${pick(MIDDLE_NAMES_MALE, MIDDLE_NAMES_FEMALE, 'mid_i', true)} as mid_f,
    ${pick(GIVEN_NAMES_MALE, GIVEN_NAMES_FEMALE, 'giv_i', false)} as giv,
    ${pick(GIVEN_NAMES_MALE, GIVEN_NAMES_FEMALE, 'giv_i', true)} as giv_f,
    case
      when category = 'cadre' then ${dateBetween('1976-01-01', '2000-12-31', 'u_birth')}
      when category = 'child' then ${dateBetween('2017-01-01', '2020-08-31', 'u_birth')}
      when category = 'teen' then ${dateBetween('2011-09-01', '2016-12-31', 'u_birth')}
      when profile = 'highschool' then ${dateBetween('2008-09-01', '2011-08-31', 'u_birth')}
      when profile = 'commune' then ${dateBetween('1996-01-01', '2010-06-30', 'u_birth')}
      else ${dateBetween('1992-01-01', '2006-12-31', 'u_birth')}
    end as birth_date
  from (
    select b.*,
      width_bucket(u_fam, ${bounds(FAMILY_NAMES)}) as fam_i,
      case when gender = 'male' then width_bucket(u_mid, ${bounds(MIDDLE_NAMES_MALE)})
           else width_bucket(u_mid, ${bounds(MIDDLE_NAMES_FEMALE)}) end as mid_i,
      case when gender = 'male' then width_bucket(u_giv, ${bounds(GIVEN_NAMES_MALE)})
           else width_bucket(u_giv, ${bounds(GIVEN_NAMES_FEMALE)}) end as giv_i,
      case profile
        when 'staff_upper' then 'cadre'
        when 'staff' then 'cadre'
        when 'commune' then case when u_cat < 0.6 then 'member' else 'youth' end
        when 'highschool' then case when u_cat < 0.7 then 'member' else 'youth' end
        when 'school' then case when u_cat < 0.55 then 'teen' else 'child' end
        when 'agency' then case when u_cat < 0.85 then 'member' else 'youth' end
        else case when u_cat < 0.7 then 'member' else 'youth' end
      end as category
    from (
      select a.*,
        case when ${u(1)} < 0.49 then 'male' else 'female' end as gender,
        ${u(2)} as u_fam, ${u(3)} as u_mid, ${u(4)} as u_giv, ${u(5)} as u_cat,
        ${u(6)} as u_birth, ${u(7)} as u_join, ${u(8)} as u_prefix, ${u(9)} as u_mail,
        ${u(10)} as u_fulltime
      from (
        select s.unit_id, s.province_id, s.profile, s.start + k as i
        from json_to_recordset($1::json)
          as s(unit_id uuid, province_id uuid, profile text, start bigint, n int),
             generate_series(0, s.n - 1) as k
      ) a
      offset 0
    ) b
  ) c
) d`;
}
