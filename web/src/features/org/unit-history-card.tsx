import { Anchor, Group, Paper, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import {
  IconArrowsSplit2,
  IconArrowMerge,
  IconCirclePlus,
  IconCircleX,
  IconPencil,
  IconPoint,
  IconTransfer,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RestructureKind } from '../../../../common/enums.ts';
import { formatDate } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { previousDay } from '../../lib/dates.ts';
import { unitPath } from '../../lib/use-as-of.ts';
import { useUnitHistory } from './org.api.ts';
import type { RestructureEvent, RestructureRole, UnitHistory, UnitVersion } from './org.types.ts';

const EVENT_ICONS: Record<RestructureKind, typeof IconPoint> = {
  create: IconCirclePlus,
  merge: IconArrowMerge,
  split: IconArrowsSplit2,
  move: IconTransfer,
  rename: IconPencil,
  close: IconCircleX,
};

const ROLES: RestructureRole[] = ['source', 'target', 'parent'];

type Entry = { date: string; events: RestructureEvent[]; version?: UnitVersion };

/** Versions and events on one timeline, newest first, grouped by date. */
export function historyEntries(history: UnitHistory): Entry[] {
  const byDate = new Map<string, Entry>();
  const entry = (date: string) => {
    let found = byDate.get(date);
    if (!found) byDate.set(date, (found = { date, events: [] }));
    return found;
  };
  for (const event of history.events) entry(event.effectiveDate).events.push(event);
  for (const version of history.versions) entry(version.validFrom).version = version;
  return [...byDate.values()].sort((a, b) => b.date.localeCompare(a.date));
}

export function UnitHistoryCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useUnitHistory(id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unit-history-title">
      <Title order={2} size="h4" mb="md" id="unit-history-title">
        {t('unit.history')}
      </Title>
      {history.isPending && <Skeleton height={120} />}
      {history.isError && (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      )}
      {history.data && <HistoryTimeline history={history.data} />}
    </Paper>
  );
}

function HistoryTimeline({ history }: { history: UnitHistory }) {
  const { t } = useTranslation();
  const entries = historyEntries(history);
  if (entries.length === 0) return <Text c="dimmed">{t('unit.noHistory')}</Text>;
  return (
    <Timeline bulletSize={26} lineWidth={2} active={entries.length} data-testid="unit-history">
      {entries.map((entry) => {
        const kind = entry.events[0]?.kind;
        const Icon = kind ? EVENT_ICONS[kind] : IconPoint;
        return (
          <Timeline.Item
            key={entry.date}
            bullet={<Icon size={14} aria-hidden />}
            title={
              <Group gap={6} wrap="wrap">
                <Text fw={600} size="sm">
                  {formatDate(entry.date)}
                </Text>
                {entry.events.map((e) => (
                  <Text key={e.id} size="sm" fw={600} c="xanh.8">
                    {t(`enums.restructureKind.${e.kind}`)}
                  </Text>
                ))}
              </Group>
            }
          >
            <Stack gap={4} className="px-wrap">
              {entry.events.map((event) => (
                <EventDetails key={event.id} event={event} />
              ))}
              {entry.version && <VersionDetails version={entry.version} />}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

function EventDetails({ event }: { event: RestructureEvent }) {
  const { t } = useTranslation();
  return (
    <>
      {event.reason && <Text size="sm">{t('history.reason', { reason: event.reason })}</Text>}
      {ROLES.map((role) => {
        const units = event.units.filter((u) => u.role === role);
        if (units.length === 0) return null;
        // Former units are linked on the day before they ended, the others on the effective date.
        const date = role === 'source' ? previousDay(event.effectiveDate) : event.effectiveDate;
        return (
          <Text key={role} size="sm" c="dimmed">
            {t(`history.roles.${role}`)}:{' '}
            {units.map((u, i) => (
              <span key={u.id}>
                {i > 0 && ', '}
                <Anchor component={Link} size="sm" to={unitPath(u.id, date)}>
                  {u.name}
                </Anchor>
              </span>
            ))}
          </Text>
        );
      })}
    </>
  );
}

function VersionDetails({ version }: { version: UnitVersion }) {
  const { t } = useTranslation();
  const from = formatDate(version.validFrom);
  const range = version.validTo
    ? t('history.range', { from, to: formatDate(previousDay(version.validTo)) })
    : t('history.from', { from });
  return (
    <Text size="sm" c="dimmed">
      {t('history.version')} {range}: <strong>{version.name}</strong> ({version.shortName}) ·{' '}
      {t(`enums.unitKind.${version.kind}`)} ·{' '}
      {version.parentName
        ? t('history.underParent', { parent: version.parentName })
        : t('history.noParent')}
    </Text>
  );
}
