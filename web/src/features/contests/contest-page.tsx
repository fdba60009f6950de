import {
  Accordion,
  Anchor,
  Badge,
  Button,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { NotFoundPage } from '../../components/not-found-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isNotFound } from '../../lib/api.ts';
import { UNIT_PARAM, atLeast, useRoleOn } from '../planning/use-unit-param.ts';
import { ROUND_STATUS_COLORS, formatDateTime, roundStatus } from './contest-format.ts';
import { useContest } from './contests.api.ts';
import { ParticipationCard } from './participation-card.tsx';
import type { ContestView } from './contests.types.ts';
import { PublishCard } from './publish-card.tsx';
import { RoundPanel } from './round-panel.tsx';

/** /cuoc-thi/:id — rounds (close, ranking, statistics, certificates) and participation by unit. */
export default function ContestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contest = useContest(id);
  const role = useRoleOn(contest.data?.unitId ?? null);
  if (contest.isError) {
    if (isNotFound(contest.error)) return <NotFoundPage />;
    return <ErrorState error={contest.error} onRetry={() => void contest.refetch()} />;
  }
  if (contest.isPending)
    return <Skeleton height={240} role="status" aria-label={t('app.loading')} />;
  const c = contest.data;
  const canManage = atLeast(role, 'editor');
  return (
    <>
      <PageHeader
        title={c.title}
        actions={
          canManage && (
            <Button
              component={Link}
              to={`/cuoc-thi/${c.id}/sua`}
              variant="default"
              data-testid="edit-contest"
            >
              {t('contests.form.edit')}
            </Button>
          )
        }
        above={
          <Anchor component={Link} to={`/cuoc-thi?${UNIT_PARAM}=${c.unitId}`} size="sm">
            ← {t('contests.contest.back')}
          </Anchor>
        }
        badges={
          <>
            <Badge color={c.status === 'published' ? 'xanh' : 'gray'} variant="light">
              {t(`contests.status.${c.status}`)}
            </Badge>
            <Badge color="gray" variant="outline">
              {t(`contests.contest.audience.${c.audience}`)}
            </Badge>
          </>
        }
      />
      <Stack gap="lg">
        {c.status === 'draft' && canManage && <PublishCard contest={c} />}
        <Rounds contest={c} canManage={canManage} />
        <ParticipationCard contestId={c.id} />
      </Stack>
    </>
  );
}

function Rounds({ contest, canManage }: { contest: ContestView; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} fz="h4">
        {t('contests.contest.rounds')}
      </Title>
      {contest.rounds.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('contests.contest.noRounds')}
        </Text>
      ) : (
        <Accordion variant="separated" chevronPosition="right" data-testid="round-list">
          {contest.rounds.map((round) => {
            const status = roundStatus(round);
            return (
              <Accordion.Item key={round.id} value={round.id} data-testid="round">
                <Accordion.Control>
                  <Stack gap={2}>
                    <Group gap={6} wrap="wrap">
                      <Text fw={600}>
                        {t('contests.contest.round', { n: round.number })}
                        {round.topic ? ` — ${round.topic}` : ''}
                      </Text>
                      <Badge color={ROUND_STATUS_COLORS[status]} variant="light" size="sm">
                        {t(`contests.roundStatus.${status}`)}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('contests.contest.window', {
                        from: formatDateTime(round.opensAt),
                        to: formatDateTime(round.closesAt),
                      })}
                    </Text>
                  </Stack>
                </Accordion.Control>
                <Accordion.Panel>
                  <RoundPanel
                    contest={contest}
                    round={round}
                    status={status}
                    canManage={canManage}
                  />
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}
