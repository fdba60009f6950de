import { Badge, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../../common/format.ts';
import type { TargetStatus } from '../../../../common/planning.ts';
import { COMPARATORS, TARGET_STATUSES } from '../../../../common/planning.ts';

/** Red / amber / green: met and on track are green, at risk amber, missed red. */
export const STATUS_COLOR: Record<TargetStatus, string> = {
  met: 'green',
  on_track: 'teal',
  at_risk: 'orange',
  missed: 'red',
};

export function asStatus(value: string | null | undefined): TargetStatus | null {
  return TARGET_STATUSES.find((s) => s === value) ?? null;
}

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const { t } = useTranslation();
  const known = asStatus(status);
  if (!known) return null;
  return (
    <Badge color={STATUS_COLOR[known]} variant="light" tt="none" data-testid="target-status">
      {t(`planning.enums.targetStatus.${known}`)}
    </Badge>
  );
}

/** "85,3%" or "1.234 bài" — a value in its indicator's unit. */
export function formatMeasure(value: number | null | undefined, unitLabel: string): string {
  if (value === null || value === undefined) return '—';
  return unitLabel === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unitLabel}`;
}

/** "Ít nhất 90%", "Không quá 3 vụ". */
export function useRequirement() {
  const { t } = useTranslation();
  return (comparator: string, value: number, unitLabel: string) => {
    const known = COMPARATORS.find((c) => c === comparator);
    const word = known ? t(`planning.enums.comparator.${known}`) : comparator;
    return t('planning.targets.requirement', {
      comparator: word,
      value: formatMeasure(value, unitLabel),
    });
  };
}

/** A target's window: "Năm 2026", or "đến 31/12/2025" for a deadline. */
export function useWindowLabel() {
  const { t } = useTranslation();
  return (target: { deadline: string | null; period: { label: string } }) =>
    target.deadline
      ? t('planning.targets.until', { date: formatDate(target.deadline) })
      : target.period.label;
}

/** Progress towards the target, capped at 100 % for the bar (the figure is not capped). */
export function TargetProgress({
  progress,
  status,
  label,
}: {
  progress: number | null;
  status: string | null;
  label?: string;
}) {
  const known = asStatus(status);
  const percent = progress === null ? 0 : Math.round(progress * 1000) / 10;
  return (
    <Group gap="xs" wrap="nowrap" w="100%">
      <Progress
        value={Math.min(100, percent)}
        color={known ? STATUS_COLOR[known] : 'gray'}
        size="lg"
        radius="sm"
        style={{ flex: 1 }}
        aria-label={label}
      />
      <Text size="sm" fw={600} w={56} ta="right" data-testid="target-progress">
        {progress === null ? '—' : `${formatNumber(percent)}%`}
      </Text>
    </Group>
  );
}
