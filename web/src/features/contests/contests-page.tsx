import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { IconDatabase, IconPlus, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitSwitcher } from '../planning/unit-switcher.tsx';
import { UNIT_PARAM, atLeast, useRoleOn, useUnitParam } from '../planning/use-unit-param.ts';
import { useContests } from './contests.api.ts';
import type { ContestListItem } from './contests.types.ts';

/** /cuoc-thi?donVi= — the unit's contests with their status, rounds and participants. */
export default function ContestsPage() {
  const { t } = useTranslation();
  const { unitId } = useUnitParam();
  const contests = useContests(unitId);
  const canEdit = atLeast(useRoleOn(unitId), 'editor');
  return (
    <>
      <PageHeader
        title={t('contests.list.title')}
        subtitle={t('contests.list.subtitle')}
        actions={
          unitId && (
            <Group gap="xs">
              <Button
                component={Link}
                to={`/ngan-hang-cau-hoi?${UNIT_PARAM}=${unitId}`}
                variant="default"
                leftSection={<IconDatabase size={16} aria-hidden />}
              >
                {t('contests.list.bank')}
              </Button>
              {canEdit && (
                <Button
                  component={Link}
                  to={`/cuoc-thi/moi?${UNIT_PARAM}=${unitId}`}
                  leftSection={<IconPlus size={16} aria-hidden />}
                  data-testid="create-contest"
                >
                  {t('contests.form.create')}
                </Button>
              )}
            </Group>
          )
        }
      />
      <Stack gap="md">
        <UnitSwitcher />
        {contests.isError ? (
          <ErrorState error={contests.error} onRetry={() => void contests.refetch()} />
        ) : !unitId ? null : contests.isPending ? (
          <Stack gap="xs" role="status" aria-label={t('app.loading')}>
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} height={72} />
            ))}
          </Stack>
        ) : contests.data.items.length === 0 ? (
          <Paper withBorder py="xl">
            <EmptyState icon={<IconTrophy aria-hidden />} title={t('contests.list.empty')} />
          </Paper>
        ) : (
          <Stack gap="sm" data-testid="contest-list">
            {contests.data.items.map((contest) => (
              <ContestCard key={contest.id} contest={contest} />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}

function ContestCard({ contest }: { contest: ContestListItem }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="contest-card">
      <Stack gap={6}>
        <Group justify="space-between" gap={6} wrap="wrap">
          <Anchor component={Link} to={`/cuoc-thi/${contest.id}`} fw={600} className="px-wrap">
            {contest.title}
          </Anchor>
          <Badge color={contest.status === 'published' ? 'xanh' : 'gray'} variant="light">
            {t(`contests.status.${contest.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            t('contests.list.rounds', { n: formatNumber(contest.roundCount) }),
            t('contests.list.participants', { n: formatNumber(contest.participantCount) }),
            t(`contests.contest.audience.${contest.audience}`),
          ].join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}
