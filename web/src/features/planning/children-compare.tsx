import { Box, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../common/format.ts';
import { TARGET_STATUSES } from '../../../../common/planning.ts';
import type { DashboardTarget } from './planning.types.ts';
import { asStatus, formatMeasure, STATUS_COLOR, StatusBadge } from './target-display.tsx';

type Child = DashboardTarget['children'][number];
type Column = 'name' | 'value' | 'progress' | 'status';

const STATUS_RANK = new Map<string, number>(TARGET_STATUSES.map((s, i) => [s, i]));
const collator = new Intl.Collator('vi');

function compare(a: Child, b: Child, column: Column): number {
  switch (column) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'value':
      return (a.value ?? -Infinity) - (b.value ?? -Infinity);
    case 'progress':
      return (a.progress ?? -Infinity) - (b.progress ?? -Infinity);
    case 'status':
      return (STATUS_RANK.get(a.status ?? '') ?? 9) - (STATUS_RANK.get(b.status ?? '') ?? 9);
  }
}

/** The children of the unit on one target: a sortable table and a bar chart (plain CSS). */
export function ChildrenCompare({ target }: { target: DashboardTarget }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ column: Column; desc: boolean }>({
    column: 'progress',
    desc: true,
  });
  const rows = useMemo(() => {
    const sorted = [...target.children].sort((a, b) => compare(a, b, sort.column));
    return sort.desc ? sorted.reverse() : sorted;
  }, [target.children, sort]);
  const unitLabel = target.target.unitLabel;
  const maxValue = Math.max(target.target.value, ...target.children.map((c) => c.value ?? 0), 1);

  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const sortButton = (column: Column, label: string, align: 'left' | 'right' = 'left') => {
    const active = sort.column === column;
    const Icon = !active ? IconArrowsSort : sort.desc ? IconSortDescending : IconSortAscending;
    return (
      <UnstyledButton
        onClick={() => setSort({ column, desc: active ? !sort.desc : column !== 'name' })}
        aria-label={t('planning.dashboard.sortBy', { column: label })}
        data-testid={`sort-${column}`}
      >
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          <Text size="xs" fw={600}>
            {label}
          </Text>
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    );
  };
  const header = (column: Column, label: string, align: 'left' | 'right' = 'left') => {
    const active = sort.column === column;
    return (
      <Table.Th
        ta={align}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
        style={{ whiteSpace: 'nowrap' }}
      >
        {sortButton(column, label, align)}
      </Table.Th>
    );
  };

  return (
    <Stack gap="sm">
      {!wide && (
        // On a phone the chart below is the list; these sort it.
        <Group gap="md" wrap="wrap" data-testid="children-sort">
          {sortButton('name', t('planning.dashboard.childName'))}
          {sortButton('value', t('planning.dashboard.childValue'))}
          {sortButton('progress', t('planning.dashboard.childProgress'))}
          {sortButton('status', t('planning.dashboard.childStatus'))}
        </Group>
      )}
      {wide && (
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing={4} fz="sm" data-testid="children-table">
            <Table.Thead>
              <Table.Tr>
                {header('name', t('planning.dashboard.childName'))}
                {header('value', t('planning.dashboard.childValue'), 'right')}
                {header('progress', t('planning.dashboard.childProgress'), 'right')}
                {header('status', t('planning.dashboard.childStatus'))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id} data-testid="child-row">
                  <Table.Td className="px-wrap">{c.name}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMeasure(c.value, unitLabel)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {c.progress === null ? '—' : `${formatNumber(c.progress * 100)}%`}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={c.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Stack
        gap={6}
        role={wide ? 'img' : 'list'}
        aria-label={t('planning.dashboard.chart')}
        data-testid="children-chart"
      >
        {rows.map((c) => {
          const share = c.progress !== null ? Math.min(1, c.progress) : (c.value ?? 0) / maxValue;
          const status = asStatus(c.status);
          return (
            <Box
              key={c.id}
              role={wide ? undefined : 'listitem'}
              data-testid={wide ? undefined : 'child-row'}
            >
              <Group justify="space-between" gap={4} wrap="nowrap">
                <Text size="xs" className="px-wrap">
                  {c.name}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatMeasure(c.value, unitLabel)}
                    {c.progress !== null && ` · ${formatNumber(c.progress * 100)}%`}
                  </Text>
                  {!wide && <StatusBadge status={c.status} />}
                </Group>
              </Group>
              <Box
                h={10}
                bg="var(--mantine-color-gray-2)"
                style={{ borderRadius: 4, overflow: 'hidden' }}
              >
                <Box
                  h="100%"
                  w={`${Math.round(share * 100)}%`}
                  bg={`var(--mantine-color-${status ? STATUS_COLOR[status] : 'gray'}-6)`}
                />
              </Box>
            </Box>
          );
        })}
      </Stack>
    </Stack>
  );
}
