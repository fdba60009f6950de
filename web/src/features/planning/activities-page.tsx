import {
  ActionIcon,
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
import { notifications } from '@mantine/notifications';
import {
  IconChevronLeft,
  IconChevronRight,
  IconPencil,
  IconPlus,
  IconRun,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonCategory } from '../../../../common/enums.ts';
import { formatDate, formatNumber } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useErrorMessage } from '../../components/use-error-message.ts';
import { useActivities, useDeleteActivity, useIndicators } from './planning.api.ts';
import type { ActivityView } from './planning.types.ts';
import { UnitSwitcher } from './unit-switcher.tsx';
import { atLeast, UNIT_PARAM, useRoleOn, useUnitParam } from './use-unit-param.ts';

/** /hoat-dong?donVi= — activities of the unit and everything below it, newest first. */
export default function ActivitiesPage() {
  const { t } = useTranslation();
  const { unitId } = useUnitParam();
  const role = useRoleOn(unitId);
  const [page, setPage] = useState(1);
  const query = useActivities(unitId, page);
  return (
    <>
      <PageHeader
        title={t('planning.activities.title')}
        subtitle={t('planning.activities.subtitle')}
        actions={
          unitId &&
          atLeast(role, 'editor') && (
            <Button
              component={Link}
              to={`/hoat-dong/moi?${UNIT_PARAM}=${unitId}`}
              leftSection={<IconPlus size={16} aria-hidden />}
              data-testid="record-activity"
            >
              {t('planning.activities.record')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <UnitSwitcher />
        {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
        {query.isPending && unitId && (
          <Stack gap="xs" role="status" aria-label={t('app.loading')}>
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} height={72} />
            ))}
          </Stack>
        )}
        {query.data && query.data.items.length === 0 && (
          <Paper withBorder py="xl">
            <EmptyState icon={<IconRun aria-hidden />} title={t('planning.activities.empty')} />
          </Paper>
        )}
        {query.data && query.data.items.length > 0 && (
          <Stack gap="sm" data-testid="activity-list">
            {query.data.items.map((a) => (
              <ActivityCard key={a.id} activity={a} />
            ))}
            <Group justify="space-between">
              <Button
                variant="default"
                leftSection={<IconChevronLeft size={16} aria-hidden />}
                disabled={page <= 1}
                onClick={() => setPage(page - 1)}
              >
                {t('common.previous')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('common.page', { page })}
              </Text>
              <Button
                variant="default"
                rightSection={<IconChevronRight size={16} aria-hidden />}
                disabled={!query.data.hasMore}
                onClick={() => setPage(page + 1)}
              >
                {t('common.nextPage')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </>
  );
}

/** "Số lớp tập huấn… +1, Số lượt… +120" */
export function useFeedsText() {
  const { t } = useTranslation();
  const indicators = useIndicators();
  return (feeds: ActivityView['feeds']) => {
    const names = new Map(indicators.data?.items.map((i) => [i.code, i.name]) ?? []);
    const list = feeds.map(
      (f) => `${names.get(f.indicatorCode) ?? f.indicatorCode} +${formatNumber(f.value)}`,
    );
    return list.length ? t('planning.activities.feeds', { list: list.join('; ') }) : '';
  };
}

function ActivityCard({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation();
  const remove = useDeleteActivity();
  const message = useErrorMessage();
  const feedsText = useFeedsText();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="activity-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Badge variant="light" tt="none">
              {t(`planning.enums.activityKind.${activity.kind}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {formatDate(activity.occurredOn)} · {activity.unitName}
            </Text>
          </Group>
          <Text fw={600} size="sm" className="px-wrap">
            {activity.title}
          </Text>
          {activity.participantTotal > 0 && (
            <Text size="xs">
              {t('planning.activities.people', { n: formatNumber(activity.participantTotal) })}:{' '}
              {activity.participants
                .map(
                  (p) =>
                    `${t(`enums.personCategory.${p.category as PersonCategory}`)}${p.sex ? ` (${t(`enums.gender.${p.sex as 'male'}`)})` : ''} ${formatNumber(p.count)}`,
                )
                .join(', ')}
            </Text>
          )}
          {activity.feeds.length > 0 && (
            <Text size="xs" c="dimmed" className="px-wrap">
              {feedsText(activity.feeds)}
            </Text>
          )}
          {activity.evidenceLinks.map((link) => (
            <Anchor
              key={link}
              href={link}
              target="_blank"
              rel="noreferrer"
              size="xs"
              className="px-wrap"
            >
              {link}
            </Anchor>
          ))}
        </Stack>
        {activity.abilities.edit && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              component={Link}
              to={`/hoat-dong/${activity.id}/sua`}
              variant="subtle"
              aria-label={t('planning.activities.edit')}
              data-testid="edit-activity"
            >
              <IconPencil size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('planning.activities.delete')}
              onClick={() => {
                if (!window.confirm(t('planning.activities.deleteConfirm'))) return;
                remove.mutate(activity.id, {
                  onSuccess: () =>
                    notifications.show({ message: t('planning.activities.deleted') }),
                  onError: (e) => notifications.show({ color: 'red', message: message(e) }),
                });
              }}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
