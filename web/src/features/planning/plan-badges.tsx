import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '../../../../common/planning.ts';

const COLOR: Record<PlanStatus, string> = { draft: 'gray', issued: 'green', closed: 'dark' };

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" tt="none" data-testid="plan-status">
      {t(`planning.enums.planStatus.${status}`)}
    </Badge>
  );
}
