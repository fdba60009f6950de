import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../common/format.ts';
import type { UnitKind, Wing } from '../../../../common/enums.ts';

const KIND_COLORS: Record<UnitKind, string> = {
  central: 'red',
  province: 'xanh',
  affiliated: 'teal',
  district: 'gray',
  grassroots: 'blue',
  chapter: 'indigo',
  other: 'gray',
};

export function KindBadge({ kind }: { kind: UnitKind }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={KIND_COLORS[kind]} tt="none">
      {t(`enums.unitKind.${kind}`)}
    </Badge>
  );
}

export function WingBadge({ wing }: { wing: Wing }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="outline" color="gray" tt="none">
      {t(`enums.wing.${wing}`)}
    </Badge>
  );
}

export function ClosedBadge({ closedOn }: { closedOn: string | null }) {
  const { t } = useTranslation();
  if (!closedOn) return null;
  return (
    <Badge size="sm" variant="light" color="orange" tt="none">
      {t('unit.closedBadge', { date: formatDate(closedOn) })}
    </Badge>
  );
}
