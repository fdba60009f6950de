import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../kernel/db/client.ts';
import type { BankQuestion, PreparedBank, QuotaShortfall } from './domain/draw.ts';
import { findQuotaShortfalls, prepareQuestionBank } from './domain/draw.ts';
import type { ContestRow, QuestionVersionRow, RoundRow } from './contests.table.ts';
import {
  contestRounds,
  contests,
  questionCategories,
  questions,
  questionVersions,
} from './contests.table.ts';

/**
 * A published contest's question pool, held in memory so that starting an attempt (the
 * round-start spike) does one insert and no bank query: the prepared bank for the draw and the
 * versions by id for serving and scoring. Entries live `POOL_TTL_MS`; this process drops them
 * at once on any bank or contest write, other processes within the TTL.
 */
export const POOL_TTL_MS = 30_000;

export type ContestPool = {
  contest: ContestRow;
  rounds: RoundRow[];
  organiserName: string | null;
  bank: PreparedBank | null;
  versions: Map<string, QuestionVersionRow>;
  loadedAt: number;
};

const cache = new Map<string, Promise<ContestPool | null>>();
const loadedAt = new Map<string, number>();

export function clearPoolCache(): void {
  cache.clear();
  loadedAt.clear();
}

/** Quota category of every category of the unit's bank: the quota whose subtree holds it. */
function quotaCategoryOf(
  categories: { id: string; parentId: string | null }[],
  quotaIds: Set<string>,
): Map<string, string> {
  const parent = new Map(categories.map((c) => [c.id, c.parentId]));
  const out = new Map<string, string>();
  for (const c of categories) {
    let at: string | null | undefined = c.id;
    for (let depth = 0; at && depth < 64; depth++) {
      if (quotaIds.has(at)) {
        out.set(c.id, at);
        break;
      }
      at = parent.get(at);
    }
  }
  return out;
}

/** The bank of a contest's unit, mapped onto its quotas (current versions of live questions). */
export async function loadBank(
  db: Db,
  contest: ContestRow,
): Promise<{ bank: BankQuestion[]; versions: Map<string, QuestionVersionRow> }> {
  const categories = await db
    .select({ id: questionCategories.id, parentId: questionCategories.parentId })
    .from(questionCategories)
    .where(eq(questionCategories.unitId, contest.unitId));
  const mapping = quotaCategoryOf(categories, new Set(contest.quotas.map((q) => q.categoryId)));
  const rows = await db
    .select({ categoryId: questions.categoryId, version: questionVersions })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(and(eq(questions.unitId, contest.unitId), eq(questions.archived, false)));
  const bank: BankQuestion[] = [];
  const versions = new Map<string, QuestionVersionRow>();
  for (const row of rows) {
    const quotaCategory = mapping.get(row.categoryId);
    if (!quotaCategory) continue;
    bank.push({
      id: row.version.id,
      categoryId: quotaCategory,
      optionIds: row.version.options.map((o) => o.id),
      keepOptionOrder: row.version.keepOptionOrder,
    });
    versions.set(row.version.id, row.version);
  }
  return { bank, versions };
}

export async function quotaShortfalls(db: Db, contest: ContestRow): Promise<QuotaShortfall[]> {
  if (contest.quotas.length === 0) return [];
  const { bank } = await loadBank(db, contest);
  return findQuotaShortfalls(bank, contest.quotas);
}

async function loadPool(
  db: Db,
  contestId: string,
  organiserName: (unitId: string) => Promise<string | null>,
): Promise<ContestPool | null> {
  const [contest] = await db.select().from(contests).where(eq(contests.id, contestId));
  if (!contest || contest.status !== 'published') return null;
  const rounds = await db
    .select()
    .from(contestRounds)
    .where(eq(contestRounds.contestId, contestId))
    .orderBy(asc(contestRounds.number));
  const { bank, versions } = await loadBank(db, contest);
  let prepared: PreparedBank | null;
  try {
    prepared = prepareQuestionBank(bank, contest.quotas);
  } catch {
    prepared = null; // The bank no longer serves the quotas: starting an attempt says so.
  }
  if (versions.size > 0) {
    // Every version that can be drawn is locked before the first attempt can reference it.
    await db
      .update(questionVersions)
      .set({ lockedAt: new Date() })
      .where(
        and(inArray(questionVersions.id, [...versions.keys()]), isNull(questionVersions.lockedAt)),
      );
  }
  return {
    contest,
    rounds,
    organiserName: await organiserName(contest.unitId),
    bank: prepared,
    versions,
    loadedAt: Date.now(),
  };
}

/** The pool of a published contest, or null when there is none. */
export function getPool(
  db: Db,
  contestId: string,
  organiserName: (unitId: string) => Promise<string | null>,
): Promise<ContestPool | null> {
  const at = loadedAt.get(contestId);
  if (at !== undefined && Date.now() - at > POOL_TTL_MS) cache.delete(contestId);
  let entry = cache.get(contestId);
  if (!entry) {
    entry = loadPool(db, contestId, organiserName);
    cache.set(contestId, entry);
    loadedAt.set(contestId, Date.now());
    entry.catch(() => cache.delete(contestId));
  }
  return entry;
}

/** Versions not in the pool (an attempt drawn before an edit): read from the database. */
export async function loadVersions(
  db: Db,
  pool: ContestPool,
  ids: string[],
): Promise<Map<string, QuestionVersionRow>> {
  const missing = ids.filter((id) => !pool.versions.has(id));
  const out = new Map<string, QuestionVersionRow>();
  for (const id of ids) {
    const v = pool.versions.get(id);
    if (v) out.set(id, v);
  }
  if (missing.length > 0) {
    const rows = await db
      .select()
      .from(questionVersions)
      .where(inArray(questionVersions.id, missing));
    for (const row of rows) out.set(row.id, row);
  }
  return out;
}
