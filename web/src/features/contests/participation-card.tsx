import {
  Badge,
  Group,
  NumberInput,
  Paper,
  Progress,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { formatPercent } from './contest-format.ts';
import type { UnitPrizeRules } from './contests.api.ts';
import { useParticipation } from './contests.api.ts';
import type { ParticipationRow } from './contests.types.ts';

const DEFAULT_RULES: UnitPrizeRules = {
  mostParticipantsPlaces: 3,
  highestRatePlaces: 3,
  minMembers: 10,
};

/** Participation per unit directly under the organiser, and the two unit prizes. */
export function ParticipationCard({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const [rules, setRules] = useState(DEFAULT_RULES);
  const [debounced] = useDebouncedValue(rules, 300);
  const rows = useParticipation(contestId, debounced);
  const ruleInput = (key: keyof UnitPrizeRules, min: number, max: number) => (
    <NumberInput
      label={t(`contests.contest.prizeRules.${key}`)}
      value={rules[key]}
      min={min}
      max={max}
      allowDecimal={false}
      clampBehavior="strict"
      w={{ base: '100%', xs: 180 }}
      onChange={(value) =>
        setRules((r) => ({ ...r, [key]: typeof value === 'number' ? value : DEFAULT_RULES[key] }))
      }
    />
  );
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="xs">
        <Title order={2} fz="h4">
          {t('contests.contest.participation')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('contests.contest.participationHint')}
        </Text>
        <Group gap="sm" align="flex-end">
          {ruleInput('mostParticipantsPlaces', 0, 50)}
          {ruleInput('highestRatePlaces', 0, 50)}
          {ruleInput('minMembers', 1, 10_000_000)}
        </Group>
        {rows.isError ? (
          <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />
        ) : rows.isPending ? (
          <Skeleton height={120} />
        ) : rows.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('contests.contest.noParticipation')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs" data-testid="participation-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('contests.contest.unitName')}</Table.Th>
                  <Table.Th ta="right">{t('contests.contest.participantsOfMembers')}</Table.Th>
                  <Table.Th w="30%">{t('contests.contest.rate')}</Table.Th>
                  <Table.Th>{t('contests.contest.unitPrizes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.data.map((row) => (
                  <ParticipationTableRow key={row.unitId} row={row} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function ParticipationTableRow({ row }: { row: ParticipationRow }) {
  const { t } = useTranslation();
  const { mostParticipants, highestRate } = row.prizes;
  return (
    <Table.Tr>
      <Table.Td className="px-wrap">{row.name}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatNumber(row.participants)} / {formatNumber(row.members)}
      </Table.Td>
      <Table.Td>
        {row.rate === null ? (
          t('common.none')
        ) : (
          <Group gap={6} wrap="nowrap">
            <Progress
              value={Math.min(100, row.rate * 100)}
              style={{ flex: 1 }}
              aria-label={`${row.name}: ${formatPercent(row.rate)}`}
            />
            <Text size="xs" w={48} ta="right">
              {formatPercent(row.rate)}
            </Text>
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {mostParticipants !== null && (
            <Badge color="teal" variant="light">
              {t('contests.contest.prizeMostParticipants', { place: mostParticipants })}
            </Badge>
          )}
          {highestRate !== null && (
            <Badge color="grape" variant="light">
              {t('contests.contest.prizeHighestRate', { place: highestRate })}
            </Badge>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
