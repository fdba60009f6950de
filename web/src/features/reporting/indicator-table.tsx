import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../../common/format.ts';
import {
  formatMeasure,
  StatusBadge,
  TargetProgress,
  useRequirement,
} from '../planning/target-display.tsx';
import type { ReportDetail } from './reporting.types.ts';

/** The report's indicator table (value, target, status, breakdown by child unit). */
export function IndicatorTable({ detail }: { detail: ReportDetail }) {
  const { t } = useTranslation();
  const requirement = useRequirement();
  const rows = detail.indicators;
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return (
    <Stack gap="xs">
      <Text
        size="xs"
        c={detail.frozen ? 'blue.8' : 'dimmed'}
        fw={500}
        data-testid="indicators-as-of"
      >
        {detail.frozen
          ? t('reporting.report.indicatorsFrozen', { date: formatDate(detail.indicatorsAsOf) })
          : t('reporting.report.indicatorsLive', { date: formatDate(detail.indicatorsAsOf) })}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reporting.report.noIndicators')}
        </Text>
      ) : !wide ? (
        // On a phone, one card per target: no sideways scrolling to read a row.
        <Stack gap="xs" data-testid="indicator-table">
          {rows.map((row, i) => (
            <Card
              key={row.targetId}
              withBorder
              padding="sm"
              radius="sm"
              data-testid="indicator-row"
              data-indicator={row.indicatorCode}
            >
              <Stack gap={4}>
                <Text size="sm" fw={500} className="px-wrap">
                  {i + 1}. {row.label ?? row.indicatorName}
                </Text>
                <Group gap={6} wrap="wrap">
                  <StatusBadge status={row.status} />
                  <Badge variant="outline" tt="none">
                    {requirement(row.comparator, row.targetValue, row.unitLabel)}
                  </Badge>
                  <Badge variant="light" color="gray" tt="none">
                    {row.period.label}
                  </Badge>
                </Group>
                <Text size="sm" data-testid="indicator-actual">
                  {t('reporting.report.actual')}: {formatMeasure(row.actual.value, row.unitLabel)}
                  {row.unitsMeeting
                    ? ` · ${t('planning.dashboard.unitsMeeting', row.unitsMeeting)}`
                    : ''}
                </Text>
                {row.status !== null && (
                  <TargetProgress progress={row.progress} status={row.status} />
                )}
                {row.children.length > 0 && (
                  <Text size="xs" c="dimmed" className="px-wrap">
                    {t('reporting.report.byUnit')}:{' '}
                    {row.children
                      .map((c) => `${c.name} ${formatMeasure(c.value, row.unitLabel)}`)
                      .join(' · ')}
                  </Text>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table
            withTableBorder
            withColumnBorders
            verticalSpacing={6}
            fz="sm"
            data-testid="indicator-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>TT</Table.Th>
                <Table.Th>{t('reporting.report.indicator')}</Table.Th>
                <Table.Th>{t('reporting.report.target')}</Table.Th>
                <Table.Th ta="right">{t('reporting.report.actual')}</Table.Th>
                <Table.Th ta="right">{t('reporting.report.progress')}</Table.Th>
                <Table.Th>{t('reporting.report.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                <Fragment key={row.targetId}>
                  <Table.Tr data-testid="indicator-row" data-indicator={row.indicatorCode}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td className="px-wrap">
                      {row.label ?? row.indicatorName}
                      <Text size="xs" c="dimmed">
                        {row.period.label}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {requirement(row.comparator, row.targetValue, row.unitLabel)}
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      style={{ whiteSpace: 'nowrap' }}
                      data-testid="indicator-actual"
                    >
                      {formatMeasure(row.actual.value, row.unitLabel)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {row.progress === null ? '—' : `${formatNumber(row.progress * 100)}%`}
                    </Table.Td>
                    <Table.Td>
                      {row.unitsMeeting ? (
                        <Text size="xs">
                          {t('planning.dashboard.unitsMeeting', row.unitsMeeting)}
                        </Text>
                      ) : (
                        <StatusBadge status={row.status} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {row.children.length > 0 && (
                    <Table.Tr>
                      <Table.Td />
                      <Table.Td colSpan={5}>
                        <Text size="xs" c="dimmed" className="px-wrap">
                          {t('reporting.report.byUnit')}:{' '}
                          {row.children
                            .map((c) => `${c.name} ${formatMeasure(c.value, row.unitLabel)}`)
                            .join(' · ')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
