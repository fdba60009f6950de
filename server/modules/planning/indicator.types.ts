import type { SQL } from 'drizzle-orm';
import type { UnitKind } from '../../../common/enums.ts';
import type { PeriodType } from '../../../common/period.ts';
import type {
  Accumulation,
  ActivityKind,
  Aggregation,
  Comparator,
  IndicatorSource,
  Measure,
} from '../../../common/planning.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';

/** share_of_units: a unit counts as meeting the condition when its base indicator value satisfies it. */
export type UnitCondition = {
  indicator: string;
  comparator: Comparator;
  value: number;
  /** The units that are counted (e.g. every district-level union under the unit). */
  unitKinds: UnitKind[];
};

/**
 * How activities feed an indicator. `always`: every activity of these kinds counts;
 * `tagged`: only activities the unit tags with the indicator (thematic indicators such as
 * "hoạt động về Chủ nghĩa Mác - Lênin"). `count`: one per activity, or its participants.
 */
export type FeedRule = {
  kinds: ActivityKind[] | 'any';
  count: 'activities' | 'participants';
  when: 'always' | 'tagged';
};

/** One catalogue entry, as written in code and upserted into the `indicators` table. */
export type IndicatorDefinition = {
  code: string;
  name: string;
  unitLabel: string;
  measure: Measure;
  periodType: PeriodType;
  aggregation: Aggregation;
  accumulation: Accumulation;
  source: IndicatorSource;
  byCategory: boolean;
  bySex: boolean;
  numeratorLabel?: string;
  denominatorLabel?: string;
  denominatorIndicator?: string;
  condition?: UnitCondition;
  feed?: FeedRule[];
  reference?: string;
};

/** A catalogue entry with its place in the catalogue's order. */
export type Indicator = IndicatorDefinition & { sortOrder: number };

/**
 * What a computed indicator is asked for. `subtree` is a SQL relation with columns
 * (unit_id uuid, unit_path text): every unit of the tree as it stood on `treeDate` under the
 * unit being rolled up, each labelled with the path of the bucket it counts towards (its child
 * of the root, or a candidate unit for share-of-units). A unit may appear in several buckets.
 */
export type ComputeContext = {
  subtree: SQL;
  treeDate: IsoDate;
  window: { from: IsoDate; to: IsoDate };
  asOf: IsoDate;
};

/** One value of a bucket; the rollup sums rows and divides numerators by denominators. */
export type ComputedRow = {
  unitPath: string;
  category: string | null;
  sex: string | null;
  value: number;
  denominator: number | null;
};

/**
 * An indicator computed from platform data. Modules own theirs (people counts here; contest
 * participation, course completion, pledges… later) and hand them to planningRoutes at app
 * build (`computedIndicators` option); planning never imports them.
 */
export type ComputedIndicator = {
  definition: IndicatorDefinition & { source: 'computed' };
  compute(db: Db, context: ComputeContext): Promise<ComputedRow[]>;
  /**
   * Optional fast path for the whole country (`subtree` is the children of a level-1 root at
   * `rootPath`): the same rows as `compute`, from aggregates kept at write time; null when it
   * cannot answer exactly (compute runs instead).
   */
  computeNational?(
    db: Db,
    context: ComputeContext & { rootPath: string },
  ): Promise<ComputedRow[] | null>;
};
