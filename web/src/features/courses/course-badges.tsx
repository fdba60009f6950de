import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CourseStatus } from './courses.types.ts';

const COLOR: Record<CourseStatus, string> = { draft: 'gray', published: 'xanh', closed: 'dark' };

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light">
      {t(`courses.status.${status}`)}
    </Badge>
  );
}
