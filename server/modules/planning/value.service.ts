import { and, asc, eq, isNull } from 'drizzle-orm';
import { formatDate } from '../../../common/format.ts';
import { parsePeriodKey } from '../../../common/period.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { roleOn } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { AppError, notFound } from '../../kernel/http/errors.ts';
import { findUnitAsOf } from '../org/index.ts';
import type { Indicator } from './indicator.types.ts';
import { presentPeriod } from './planning.presenter.ts';
import type { PlanningContext } from './planning.scope.ts';
import {
  isUniqueViolation,
  loadUnitFor,
  provinceUnitIdOf,
  UNIT_NOT_FOUND,
} from './planning.scope.ts';
import { indicatorValues } from './planning.table.ts';
import type { PutValuesBody, ValuesQuery, ValueView } from './record.contracts.ts';

/**
 * Values a unit enters directly for an indicator and a period. A PUT replaces the unit's whole
 * set for that indicator and period (total or breakdown), so a set never mixes old and new rows.
 */

type Problem = { field: string; message: string };

function entryProblems(indicator: Indicator, entries: PutValuesBody['entries']): Problem[] {
  const problems: Problem[] = [];
  entries.forEach((e, i) => {
    const at = (field: string, message: string) =>
      problems.push({ field: `entries.${i}.${field}`, message });
    if (e.category && !indicator.byCategory)
      at('category', 'Chỉ số này không phân theo đối tượng.');
    if (e.sex && !indicator.bySex) at('sex', 'Chỉ số này không phân theo giới tính.');
    const hasDenominator = e.denominator !== undefined && e.denominator !== null;
    if (indicator.aggregation !== 'ratio' && hasDenominator) {
      at('denominator', 'Chỉ số này không có mẫu số.');
    } else if (indicator.denominatorIndicator && hasDenominator) {
      at('denominator', 'Mẫu số của chỉ số này được tính tự động từ dữ liệu hệ thống.');
    } else if (indicator.aggregation === 'ratio' && !indicator.denominatorIndicator) {
      if (!hasDenominator || e.denominator! <= 0) at('denominator', 'Cần mẫu số lớn hơn 0.');
      else if (e.value > e.denominator!) at('value', 'Tử số không được lớn hơn mẫu số.');
    }
  });
  return problems;
}

function indicatorForEntry(ctx: PlanningContext, code: string): Indicator {
  const indicator = ctx.catalogue.get(code);
  if (!indicator) {
    throw new AppError('validation_failed', 'Chỉ số không có trong danh mục.', [
      { field: 'indicatorCode', message: `Không có chỉ số "${code}".` },
    ]);
  }
  if (indicator.source !== 'reported' || indicator.aggregation === 'share_of_units') {
    throw new AppError('validation_failed', 'Chỉ số này được tính tự động, không nhập trực tiếp.', [
      { field: 'indicatorCode', message: 'Không nhập trực tiếp.' },
    ]);
  }
  return indicator;
}

export async function putValues(ctx: PlanningContext, actor: Actor, body: PutValuesBody) {
  const today = ctx.deps.today();
  const period = parsePeriodKey(body.period)!;
  try {
    return await ctx.deps.db.transaction(async (tx) => {
      const unit = await loadUnitFor(tx, actor, body.unitId, 'recordValue', today);
      const indicator = indicatorForEntry(ctx, body.indicatorCode);
      const problems = entryProblems(indicator, body.entries);
      const existsOn = period.to < today ? period.to : today;
      if (period.from > today) {
        problems.push({ field: 'period', message: 'Chưa đến kỳ này.' });
      } else if (!(await findUnitAsOf(tx, unit.id, existsOn))) {
        problems.push({
          field: 'period',
          message: `Đơn vị không tồn tại vào ngày ${formatDate(existsOn)}.`,
        });
      }
      if (problems.length)
        throw new AppError('validation_failed', 'Số liệu không hợp lệ.', problems);
      const key = and(
        eq(indicatorValues.unitId, unit.id),
        eq(indicatorValues.indicatorCode, indicator.code),
        eq(indicatorValues.periodKey, period.key),
        isNull(indicatorValues.activityId),
      );
      const before = await tx.delete(indicatorValues).where(key).returning();
      const provinceUnitId = await provinceUnitIdOf(tx, unit, today);
      const rows = body.entries.length
        ? await tx
            .insert(indicatorValues)
            .values(
              body.entries.map((e) => ({
                indicatorCode: indicator.code,
                unitId: unit.id,
                provinceUnitId,
                periodKey: period.key,
                periodFrom: period.from,
                periodTo: period.to,
                category: e.category ?? null,
                sex: e.sex ?? null,
                value: e.value,
                denominator: e.denominator ?? null,
                enteredBy: actor.userId,
              })),
            )
            .returning()
        : [];
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'indicator_value.set',
        entity: 'indicator_value',
        entityId: `${unit.id}/${indicator.code}/${period.key}`,
        unitId: unit.id,
        before: before.map(entryOf),
        after: rows.map(entryOf),
      });
      return { unitId: unit.id, items: rows.map(presentValue) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'Số liệu vừa được người khác cập nhật; vui lòng thử lại.');
    }
    throw error;
  }
}

type ValueRow = typeof indicatorValues.$inferSelect;

function entryOf(row: ValueRow) {
  return { category: row.category, sex: row.sex, value: row.value, denominator: row.denominator };
}

function presentValue(row: ValueRow): ValueView {
  return {
    indicatorCode: row.indicatorCode,
    period: presentPeriod(parsePeriodKey(row.periodKey)!),
    category: row.category,
    sex: row.sex,
    value: row.value,
    denominator: row.denominator,
    enteredAt: new Date(row.enteredAt).toISOString(),
  };
}

/** The unit's own direct entries (not those derived from activities). */
export async function listValues(ctx: PlanningContext, actor: Actor, query: ValuesQuery) {
  const { db } = ctx.deps;
  const unit = await findUnitAsOf(db, query.unitId, ctx.deps.today());
  if (!unit || roleOn(actor, unit.path) === null) throw notFound(UNIT_NOT_FOUND);
  const conditions = [eq(indicatorValues.unitId, unit.id), isNull(indicatorValues.activityId)];
  if (query.indicatorCode) conditions.push(eq(indicatorValues.indicatorCode, query.indicatorCode));
  if (query.period)
    conditions.push(eq(indicatorValues.periodKey, parsePeriodKey(query.period)!.key));
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(and(...conditions))
    .orderBy(
      asc(indicatorValues.indicatorCode),
      asc(indicatorValues.periodFrom),
      asc(indicatorValues.category),
      asc(indicatorValues.sex),
    )
    .limit(1000);
  return { unitId: unit.id, items: rows.map(presentValue) };
}
