import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../../common/format.ts';
import type { RestructureEvent, RestructureRole } from '../org.types.ts';
import type { FormResult } from './form-types.ts';

/** The message for a recorded restructuring, and the id of the unit in a given role. */
export function useRestructureResult() {
  const { t } = useTranslation();
  return (
    event: RestructureEvent,
    next: string | null | { role: RestructureRole },
  ): FormResult => ({
    message: t('restructure.done', {
      kind: t(`enums.restructureKind.${event.kind}`),
      date: formatDate(event.effectiveDate),
    }),
    unitId:
      next && typeof next === 'object'
        ? (event.units.find((u) => u.role === next.role)?.id ?? null)
        : next,
    date: event.effectiveDate,
  });
}
