import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus, Timeliness } from '../../../../common/reporting.ts';

const STATUS_COLOR: Record<ReportStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  accepted: 'green',
  waived: 'violet',
};
const TIMELINESS_COLOR: Record<Timeliness, string> = {
  on_time: 'green',
  late: 'red',
  missing: 'red',
  not_due: 'gray',
  waived: 'violet',
};

export function ReportStatusBadge({ status }: { status: ReportStatus | null }) {
  const { t } = useTranslation();
  if (!status) {
    return (
      <Badge color="gray" variant="outline" tt="none">
        {t('reporting.progress.none')}
      </Badge>
    );
  }
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" tt="none" data-testid="report-status">
      {t(`reporting.enums.status.${status}`)}
    </Badge>
  );
}

/** "Nộp muộn" and "Quá hạn, chưa nộp" stand out in red. */
export function TimelinessBadge({ timeliness }: { timeliness: Timeliness }) {
  const { t } = useTranslation();
  const late = timeliness === 'late' || timeliness === 'missing';
  return (
    <Badge
      color={TIMELINESS_COLOR[timeliness]}
      variant={late ? 'filled' : 'light'}
      tt="none"
      data-testid={late ? 'late-badge' : 'timeliness'}
    >
      {t(`reporting.enums.timeliness.${timeliness}`)}
    </Badge>
  );
}
