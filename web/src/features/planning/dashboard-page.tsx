import {
  Accordion,
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconChartBar, IconPlus, IconTablePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import { TARGET_STATUSES } from '../../../../common/planning.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LateReportsCard } from '../reporting/late-reports-card.tsx';
import { ChildrenCompare } from './children-compare.tsx';
import { useDashboard, useIndicators } from './planning.api.ts';
import type { DashboardResponse, DashboardTarget } from './planning.types.ts';
import {
  asStatus,
  formatMeasure,
  STATUS_COLOR,
  StatusBadge,
  TargetProgress,
  useRequirement,
  useWindowLabel,
} from './target-display.tsx';
import { TargetTrend } from './target-trend.tsx';
import { UnitSwitcher } from './unit-switcher.tsx';
import { UNIT_PARAM, useUnitParam } from './use-unit-param.ts';
import { isEnterable } from './value-grid.ts';
import { valuesUrl } from './values-url.ts';

/** /tong-quan?donVi= — the unit's targets, live: status, progress, children, trend, what is late. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { unitId } = useUnitParam();
  const query = useDashboard(unitId);
  const indicators = useIndicators();
  const data = query.data;
  // Targets whose indicator the unit may enter by hand get a link to the entry form.
  const enterable = new Set(indicators.data?.items.filter(isEnterable).map((i) => i.code) ?? []);
  const canEnter = (code: string) => Boolean(data?.abilities.recordValue) && enterable.has(code);
  return (
    <>
      <PageHeader
        title={t('planning.dashboard.title')}
        subtitle={
          data
            ? `${data.unit.name} · ${t('planning.dashboard.asOf', { date: formatDate(data.asOf) })}`
            : t('planning.dashboard.subtitle')
        }
        actions={
          data && (
            <>
              {data.abilities.recordActivity && (
                <Button
                  component={Link}
                  to={`/hoat-dong/moi?${UNIT_PARAM}=${data.unit.id}`}
                  leftSection={<IconPlus size={16} aria-hidden />}
                >
                  {t('planning.activities.record')}
                </Button>
              )}
              {data.abilities.recordValue && (
                <Button
                  component={Link}
                  to={valuesUrl(data.unit.id)}
                  variant="default"
                  leftSection={<IconTablePlus size={16} aria-hidden />}
                >
                  {t('planning.values.record')}
                </Button>
              )}
            </>
          )
        }
      />
      <Stack gap="md">
        <UnitSwitcher />
        {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
        {query.isPending && unitId && (
          <Stack gap="xs" role="status" aria-label={t('app.loading')}>
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} height={96} />
            ))}
          </Stack>
        )}
        {data && (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="md">
                <StatusSummary data={data} />
                {data.targets.length === 0 ? (
                  <Paper withBorder py="xl">
                    <EmptyState
                      icon={<IconChartBar aria-hidden />}
                      title={t('planning.dashboard.empty')}
                    />
                  </Paper>
                ) : (
                  <Stack gap="sm" data-testid="dashboard-targets">
                    {data.targets.map((item) => (
                      <TargetCard
                        key={item.target.id}
                        item={item}
                        unitId={data.unit.id}
                        asOf={data.asOf}
                        canEnter={canEnter(item.target.indicatorCode)}
                      />
                    ))}
                  </Stack>
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="md">
                <LateTasksCard data={data} />
                <LateReportsCard unitId={data.unit.id} />
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </>
  );
}

function StatusSummary({ data }: { data: DashboardResponse }) {
  const { t } = useTranslation();
  const counts = new Map<string, number>();
  for (const item of data.targets) {
    if (item.status) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  return (
    <Group gap="xs" aria-label={t('planning.dashboard.summary')} data-testid="status-summary">
      {TARGET_STATUSES.filter((s) => counts.has(s)).map((s) => (
        <Badge key={s} color={STATUS_COLOR[s]} variant="light" size="lg" tt="none">
          {t(`planning.enums.targetStatus.${s}`)}: {counts.get(s)}
        </Badge>
      ))}
    </Group>
  );
}

function TargetCard({
  item,
  unitId,
  asOf,
  canEnter,
}: {
  item: DashboardTarget;
  unitId: string;
  asOf: string;
  canEnter: boolean;
}) {
  const { t } = useTranslation();
  const requirement = useRequirement();
  const windowLabel = useWindowLabel();
  const { target } = item;
  const status = asStatus(item.status);
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      data-testid="dashboard-target"
      data-indicator={target.indicatorCode}
      data-plan={item.plan.number ?? ''}
      style={
        status
          ? { borderLeft: `4px solid var(--mantine-color-${STATUS_COLOR[status]}-6)` }
          : undefined
      }
    >
      <Stack gap={6}>
        <Text size="sm" fw={600} className="px-wrap">
          {target.label ?? target.indicatorName}
        </Text>
        <Group gap={6} wrap="wrap">
          <StatusBadge status={item.status} />
          <Badge variant="outline" tt="none">
            {requirement(target.comparator, target.value, target.unitLabel)}
          </Badge>
          <Badge variant="light" color="gray" tt="none">
            {windowLabel(target)}
          </Badge>
          {target.category && (
            <Badge variant="light" color="gray" tt="none">
              {t(`enums.personCategory.${target.category as 'cadre'}`)}
            </Badge>
          )}
          {item.inherited && (
            <Badge variant="light" color="blue" tt="none">
              {t('planning.dashboard.inherited')}
            </Badge>
          )}
        </Group>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" data-testid="target-actual">
            {item.actual.value === null
              ? t('planning.dashboard.noValue')
              : t('planning.dashboard.actual', {
                  value: formatMeasure(item.actual.value, target.unitLabel),
                })}
          </Text>
          {item.unitsMeeting && (
            <Text size="sm" c="dimmed" data-testid="units-meeting">
              {t('planning.dashboard.unitsMeeting', item.unitsMeeting)}
            </Text>
          )}
        </Group>
        {item.status !== null && (
          <TargetProgress
            progress={item.progress}
            status={item.status}
            label={target.label ?? target.indicatorName}
          />
        )}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor
            component={Link}
            to={`/ke-hoach/${item.plan.id}`}
            size="xs"
            c="dimmed"
            className="px-wrap"
          >
            {t('planning.dashboard.plan', { plan: item.plan.number ?? item.plan.title })}
          </Anchor>
          {canEnter && (
            <Anchor
              component={Link}
              to={valuesUrl(unitId, target.indicatorCode, target.period.key)}
              size="xs"
              data-testid="enter-values"
            >
              {t('planning.values.record')}
            </Anchor>
          )}
        </Group>
        <Accordion variant="default" chevronPosition="right" multiple>
          {item.children.length > 0 && (
            <Accordion.Item value="children">
              <Accordion.Control>
                <Text size="sm">{t('planning.dashboard.children')}</Text>
              </Accordion.Control>
              <Accordion.Panel>
                <ChildrenCompare target={item} />
              </Accordion.Panel>
            </Accordion.Item>
          )}
          <Accordion.Item value="trend">
            <Accordion.Control>
              <Text size="sm">{t('planning.dashboard.trend')}</Text>
            </Accordion.Control>
            <Accordion.Panel>
              <TargetTrend unitId={unitId} item={item} asOf={asOf} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Card>
  );
}

function LateTasksCard({ data }: { data: DashboardResponse }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} fz="h4" mb="sm">
        {t('planning.dashboard.lateTasks')}
      </Title>
      {data.lateTasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('planning.dashboard.noLateTasks')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="late-tasks">
          {data.lateTasks.map((task) => (
            <Stack key={task.id} gap={2}>
              <Anchor
                component={Link}
                to={`/ke-hoach/${task.planId}`}
                size="sm"
                className="px-wrap"
              >
                {task.description}
              </Anchor>
              <Group gap={6} wrap="wrap">
                <Badge color="red" size="sm" tt="none">
                  {t('planning.dashboard.daysLate', { n: task.daysLate })}
                </Badge>
                <Text size="xs" c="dimmed" className="px-wrap">
                  {task.leadUnit.name} · {task.deadline.label}
                </Text>
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
