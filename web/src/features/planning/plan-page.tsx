import { Anchor, Badge, Button, Card, Grid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import { PLAN_SECTIONS } from '../../../../common/planning.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { NotFoundState } from '../../components/not-found-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSkeleton } from '../../components/page-skeleton.tsx';
import { useErrorMessage } from '../../components/use-error-message.ts';
import { isNotFound } from '../../lib/api.ts';
import { ReportTypesCard } from '../reporting/report-types-card.tsx';
import { AttachmentsCard } from './attachments-card.tsx';
import { BodyView } from './body-view.tsx';
import { ConfirmButton } from './confirm-button.tsx';
import { PlanStatusBadge } from './plan-badges.tsx';
import { planDocxUrl, usePlan, usePlanTransition } from './planning.api.ts';
import { periodRange } from './plans-page.tsx';
import { TargetsCard } from './targets-card.tsx';
import { TasksCard } from './tasks-card.tsx';
import { atLeast, useRoleOn } from './use-unit-param.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /ke-hoach/:id — the plan as issued: number, unit, dates, text, targets, tasks, files. */
export default function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const valid = UUID.test(id);
  const query = usePlan(valid ? id : null);
  const transition = usePlanTransition(id);
  const message = useErrorMessage();
  const role = useRoleOn(query.data?.plan.unitId ?? null);

  if (valid && query.isPending) return <PageSkeleton />;
  if (!valid || query.isError) {
    if (!valid || isNotFound(query.error)) {
      return (
        <NotFoundState
          title={t('planning.plan.notFound')}
          description={t('planning.plan.notFoundDescription')}
        />
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return null;
  const detail = query.data;
  const { plan, abilities } = detail;

  const act = (action: 'issue' | 'close') =>
    transition.mutate(action, {
      onSuccess: () =>
        notifications.show({
          color: 'green',
          message: t(action === 'issue' ? 'planning.plan.issued' : 'planning.plan.closed'),
        }),
      onError: (e) => notifications.show({ color: 'red', message: message(e), autoClose: 8000 }),
    });

  return (
    <>
      <PageHeader
        above={
          <Text size="sm" fw={600} c="dimmed" data-testid="plan-number">
            {plan.number
              ? t('planning.plans.number', { number: plan.number })
              : t('planning.plans.noNumber')}
          </Text>
        }
        title={plan.title}
        badges={
          <>
            <PlanStatusBadge status={plan.status} />
            <Badge variant="light" color="gray" tt="none">
              {t(`planning.enums.planKind.${plan.kind === 'programme' ? 'programme' : 'plan'}`)}
            </Badge>
          </>
        }
        subtitle={[
          t('planning.plans.by', { unit: plan.unitName }),
          plan.issueDate
            ? t('planning.plans.issuedOn', { date: formatDate(plan.issueDate) })
            : null,
          t('planning.plans.period', { period: periodRange(plan) }),
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <>
            <Button
              component="a"
              href={planDocxUrl(plan.id)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="plan-docx"
            >
              {t('planning.plan.docx')}
            </Button>
            {abilities.update && (
              <Button
                component={Link}
                to={`/ke-hoach/${plan.id}/sua`}
                variant="light"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('planning.plan.edit')}
              </Button>
            )}
            {abilities.issue && (
              <ConfirmButton
                question={t('planning.plan.issueConfirm')}
                onConfirm={() => act('issue')}
                loading={transition.isPending}
                data-testid="issue-plan"
              >
                {t('planning.plan.issue')}
              </ConfirmButton>
            )}
            {abilities.close && (
              <ConfirmButton
                variant="default"
                color="dark"
                question={t('planning.plan.closeConfirm')}
                onConfirm={() => act('close')}
                loading={transition.isPending}
              >
                {t('planning.plan.close')}
              </ConfirmButton>
            )}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {plan.implements.length > 0 && (
              <Card withBorder radius="md" padding="md">
                <Title order={2} fz="h4" mb="xs">
                  {t('planning.plan.basis')}
                </Title>
                <Stack gap={4}>
                  {plan.implements.map((p) => (
                    <Anchor
                      key={p.id}
                      component={Link}
                      to={`/ke-hoach/${p.id}`}
                      size="sm"
                      className="px-wrap"
                    >
                      {p.number ? `${p.number} – ` : ''}
                      {p.title} ({p.unitName})
                    </Anchor>
                  ))}
                </Stack>
              </Card>
            )}
            <TargetsCard detail={detail} />
            <TasksCard detail={detail} />
            <Card withBorder radius="md" padding="md">
              <Stack gap="md">
                {PLAN_SECTIONS.map((section, i) => (
                  <Stack key={section} gap="xs">
                    <Title order={2} fz="h5">
                      {`${['I', 'II', 'III'][i]}. ${t(`planning.plan.sections.${section}`).toUpperCase()}`}
                    </Title>
                    <BodyView blocks={plan.body[section]} empty={t('planning.plan.emptySection')} />
                  </Stack>
                ))}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ReportTypesCard plan={plan} />
            <AttachmentsCard planId={plan.id} canUpload={atLeast(role, 'editor')} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
