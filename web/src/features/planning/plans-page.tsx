import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  Skeleton,
  Stack,
  Tabs,
  Text,
} from '@mantine/core';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PlanStatusBadge } from './plan-badges.tsx';
import { usePlans, useToImplement } from './planning.api.ts';
import type { PlanView, ToImplementPlan } from './planning.types.ts';
import { UnitSwitcher } from './unit-switcher.tsx';
import { atLeast, UNIT_PARAM, useRoleOn, useUnitParam } from './use-unit-param.ts';

const TAB_PARAM = 'xem';

/** /ke-hoach?donVi=&xem=cap-tren — the unit's plans, and the plans above it to implement. */
export default function PlansPage() {
  const { t } = useTranslation();
  const { unitId } = useUnitParam();
  const [params, setParams] = useSearchParams();
  const tab = params.get(TAB_PARAM) === 'cap-tren' ? 'up' : 'own';
  const role = useRoleOn(unitId);
  const plans = usePlans(unitId);
  const toImplement = useToImplement(unitId);
  const setTab = (value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === 'up') next.set(TAB_PARAM, 'cap-tren');
        else next.delete(TAB_PARAM);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('planning.plans.title')}
        subtitle={t('planning.plans.subtitle')}
        actions={
          unitId &&
          atLeast(role, 'admin') && (
            <Button
              component={Link}
              to={`/ke-hoach/moi?${UNIT_PARAM}=${unitId}`}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('planning.plans.create')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <UnitSwitcher />
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="own" data-testid="tab-own-plans">
              {t('planning.plans.own')}
            </Tabs.Tab>
            <Tabs.Tab
              value="up"
              data-testid="tab-to-implement"
              rightSection={
                toImplement.data?.items.length ? (
                  <Badge size="sm" circle color="orange">
                    {toImplement.data.items.length}
                  </Badge>
                ) : undefined
              }
            >
              {t('planning.plans.toImplement')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="own" pt="md">
            <PlanList
              query={plans}
              empty={t('planning.plans.empty')}
              render={(plan) => <PlanCard key={plan.id} plan={plan} />}
            />
          </Tabs.Panel>
          <Tabs.Panel value="up" pt="md">
            <PlanList
              query={toImplement}
              empty={t('planning.plans.emptyToImplement')}
              render={(plan) => (
                <PlanCard
                  key={plan.id}
                  plan={plan}
                  action={
                    unitId && atLeast(role, 'admin') ? (
                      <ImplementButton plan={plan} unitId={unitId} />
                    ) : null
                  }
                />
              )}
            />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

function PlanList<P extends PlanView>({
  query,
  empty,
  render,
}: {
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data?: { items: P[] };
    refetch: () => unknown;
  };
  empty: string;
  render: (plan: P) => React.ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || !query.data) {
    return (
      <Stack gap="xs" role="status" aria-label={t('app.loading')}>
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} height={88} />
        ))}
      </Stack>
    );
  }
  if (query.data.items.length === 0) {
    return (
      <Paper withBorder py="xl">
        <EmptyState icon={<IconClipboardList aria-hidden />} title={empty} />
      </Paper>
    );
  }
  return (
    <Stack gap="sm" data-testid="plan-list">
      {query.data.items.map(render)}
    </Stack>
  );
}

function ImplementButton({ plan, unitId }: { plan: ToImplementPlan; unitId: string }) {
  const { t } = useTranslation();
  return plan.draftPlanId ? (
    <Button component={Link} to={`/ke-hoach/${plan.draftPlanId}`} variant="light" size="xs">
      {t('planning.plans.continueDraft')}
    </Button>
  ) : (
    <Button
      component={Link}
      to={`/ke-hoach/moi?${UNIT_PARAM}=${unitId}&thucHien=${plan.id}`}
      size="xs"
      data-testid="implement-plan"
    >
      {t('planning.plans.implement')}
    </Button>
  );
}

export function PlanCard({ plan, action }: { plan: PlanView; action?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="plan-card">
      <Stack gap={6}>
        <Group gap={6} justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed" fw={600}>
            {plan.number
              ? t('planning.plans.number', { number: plan.number })
              : t('planning.plans.noNumber')}
          </Text>
          <PlanStatusBadge status={plan.status} />
        </Group>
        <Anchor
          component={Link}
          to={`/ke-hoach/${plan.id}`}
          fw={600}
          className="px-wrap"
          lineClamp={3}
        >
          {plan.title}
        </Anchor>
        <Text size="xs" c="dimmed" className="px-wrap">
          {[
            plan.unitName,
            t('planning.plans.period', { period: periodRange(plan) }),
            plan.issueDate
              ? t('planning.plans.issuedOn', { date: formatDate(plan.issueDate) })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {action && <Group>{action}</Group>}
      </Stack>
    </Paper>
  );
}

export function periodRange(plan: { periodStart: number; periodEnd: number }): string {
  return plan.periodStart === plan.periodEnd
    ? String(plan.periodStart)
    : `${plan.periodStart} – ${plan.periodEnd}`;
}
