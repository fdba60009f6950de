import type { ActivityKind } from '../../../common/planning.ts';
import type { Catalogue } from './catalogue.service.ts';
import type { FeedRule, Indicator } from './indicator.types.ts';

/**
 * The mapping from an activity to the reported indicators it feeds. Each indicator's feed rules
 * say which kinds of activity count, whether every such activity counts or only those tagged
 * with the indicator, and whether it counts once or by its participants. A training with 120
 * cadres thus adds 1 to "cyber_trainings_held" and 120 (category cadre) to "people_trained".
 */

export type ActivityFacts = {
  kind: ActivityKind;
  participants: { category: string; sex?: string | null; count: number }[];
  indicatorCodes: string[];
};

export type DerivedValue = {
  indicatorCode: string;
  category: string | null;
  sex: string | null;
  value: number;
};

function ruleFor(indicator: Indicator, activity: ActivityFacts): FeedRule | undefined {
  return indicator.feed?.find(
    (rule) =>
      (rule.kinds === 'any' || rule.kinds.includes(activity.kind)) &&
      (rule.when === 'always' || activity.indicatorCodes.includes(indicator.code)),
  );
}

export function deriveValues(catalogue: Catalogue, activity: ActivityFacts): DerivedValue[] {
  const derived: DerivedValue[] = [];
  for (const indicator of catalogue.all()) {
    const rule = ruleFor(indicator, activity);
    if (!rule) continue;
    if (rule.count === 'activities') {
      derived.push({ indicatorCode: indicator.code, category: null, sex: null, value: 1 });
      continue;
    }
    const groups = new Map<string, DerivedValue>();
    for (const p of activity.participants) {
      if (p.count <= 0) continue;
      const category = indicator.byCategory ? p.category : null;
      const sex = indicator.bySex ? (p.sex ?? null) : null;
      const key = `${category ?? ''}/${sex ?? ''}`;
      const group = groups.get(key) ?? { indicatorCode: indicator.code, category, sex, value: 0 };
      group.value += p.count;
      groups.set(key, group);
    }
    derived.push(...groups.values());
  }
  return derived;
}

/**
 * Tags that cannot count: unknown codes, and indicators with no tagged rule for this kind of
 * activity. Returned as 400 details.
 */
export function invalidTags(
  catalogue: Catalogue,
  kind: ActivityKind,
  codes: string[],
): { field: string; message: string }[] {
  return codes.flatMap((code) => {
    const indicator = catalogue.get(code);
    const accepts = indicator?.feed?.some(
      (rule) => rule.when === 'tagged' && (rule.kinds === 'any' || rule.kinds.includes(kind)),
    );
    return accepts
      ? []
      : [
          {
            field: 'indicatorCodes',
            message: `Chỉ số "${code}" không ghi nhận loại hoạt động này.`,
          },
        ];
  });
}
