import { UNIT_PARAM } from './use-unit-param.ts';

/** URL parameters of /so-lieu besides the unit: the indicator and the period key (2026-Q2). */
export const INDICATOR_PARAM = 'chiSo';
export const PERIOD_PARAM = 'ky';

/** The entry form of a unit's values, for one indicator (and period) when given. */
export function valuesUrl(unitId: string, indicatorCode?: string, period?: string | null): string {
  const params = new URLSearchParams({ [UNIT_PARAM]: unitId });
  if (indicatorCode) params.set(INDICATOR_PARAM, indicatorCode);
  if (period) params.set(PERIOD_PARAM, period);
  return `/so-lieu?${params.toString()}`;
}
