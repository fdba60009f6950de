import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/client.ts';
import { REPORTED_INDICATORS } from './catalogue.ts';
import type { ComputedIndicator, Indicator, IndicatorDefinition } from './indicator.types.ts';
import { PEOPLE_INDICATORS } from './people.indicators.ts';
import { indicators } from './planning.table.ts';

/**
 * The indicator catalogue of one running app: the reported indicators of catalogue.ts plus the
 * computed ones handed in at app build. Built once, checked once (a broken definition stops the
 * app from starting), read from memory; the `indicators` table mirrors it for foreign keys.
 */
export type Catalogue = {
  all(): Indicator[];
  get(code: string): Indicator | undefined;
  /** The implementation of a computed indicator. */
  computed(code: string): ComputedIndicator | undefined;
};

export function buildCatalogue(computed: ComputedIndicator[] = PEOPLE_INDICATORS): Catalogue {
  const definitions: IndicatorDefinition[] = [
    ...computed.map((c) => c.definition),
    ...REPORTED_INDICATORS,
  ];
  const byCode = new Map<string, Indicator>();
  definitions.forEach((d, i) => {
    if (byCode.has(d.code)) throw new Error(`Indicator code defined twice: ${d.code}`);
    byCode.set(d.code, { ...d, sortOrder: i + 1 });
  });
  for (const d of byCode.values()) checkDefinition(d, byCode);
  const implementations = new Map(computed.map((c) => [c.definition.code, c]));
  const ordered = [...byCode.values()];
  return {
    all: () => ordered,
    get: (code) => byCode.get(code),
    computed: (code) => implementations.get(code),
  };
}

function checkDefinition(d: Indicator, byCode: Map<string, Indicator>): void {
  const fail = (why: string) => {
    throw new Error(`Indicator ${d.code}: ${why}`);
  };
  if (!/^[a-z][a-z0-9_]{1,63}$/.test(d.code)) fail('code must be snake_case');
  if (
    (d.aggregation === 'ratio' || d.aggregation === 'share_of_units') !==
    (d.measure === 'percent')
  ) {
    fail('ratios and shares of units are percentages, and only they are');
  }
  if (d.denominatorIndicator) {
    const denominator = byCode.get(d.denominatorIndicator);
    if (d.aggregation !== 'ratio') fail('only a ratio has a denominator indicator');
    if (!denominator || denominator.aggregation !== 'sum') fail('denominator must be a sum');
  }
  if (d.aggregation === 'share_of_units') {
    const base = d.condition ? byCode.get(d.condition.indicator) : undefined;
    if (!base || base.aggregation === 'share_of_units') fail('condition needs a base indicator');
  } else if (d.condition) {
    fail('only a share of units has a condition');
  }
  if (d.feed && (d.source !== 'reported' || d.accumulation !== 'flow' || d.aggregation !== 'sum')) {
    fail('activities feed only reported flow sums');
  }
}

/**
 * Upserts the catalogue into `indicators`; idempotent, run at app build (so at start-up and in
 * every test app). Indicators dropped from code stay in the table: old targets keep their code.
 */
export async function ensureIndicatorCatalogue(
  db: Db,
  catalogue: Catalogue = buildCatalogue(),
): Promise<void> {
  const rows = catalogue.all().map((d) => ({
    code: d.code,
    name: d.name,
    unitLabel: d.unitLabel,
    measure: d.measure,
    periodType: d.periodType,
    aggregation: d.aggregation,
    accumulation: d.accumulation,
    source: d.source,
    byCategory: d.byCategory,
    bySex: d.bySex,
    numeratorLabel: d.numeratorLabel ?? null,
    denominatorLabel: d.denominatorLabel ?? null,
    denominatorIndicator: d.denominatorIndicator ?? null,
    condition: d.condition ?? null,
    feed: d.feed ?? null,
    reference: d.reference ?? null,
    sortOrder: d.sortOrder,
  }));
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  await db
    .insert(indicators)
    .values(rows)
    .onConflictDoUpdate({
      target: indicators.code,
      set: {
        name: excluded('name'),
        unitLabel: excluded('unit_label'),
        measure: excluded('measure'),
        periodType: excluded('period_type'),
        aggregation: excluded('aggregation'),
        accumulation: excluded('accumulation'),
        source: excluded('source'),
        byCategory: excluded('by_category'),
        bySex: excluded('by_sex'),
        numeratorLabel: excluded('numerator_label'),
        denominatorLabel: excluded('denominator_label'),
        denominatorIndicator: excluded('denominator_indicator'),
        condition: excluded('condition'),
        feed: excluded('feed'),
        reference: excluded('reference'),
        sortOrder: excluded('sort_order'),
        updatedAt: sql`now()`,
      },
    });
}
