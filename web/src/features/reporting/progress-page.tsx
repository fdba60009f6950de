import { Button, Card, Group, Select, Stack, Text, Title, Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { NotFoundState } from '../../components/not-found-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSkeleton } from '../../components/page-skeleton.tsx';
import { useErrorMessage } from '../../components/use-error-message.ts';
import { isNotFound } from '../../lib/api.ts';
import { atLeast, useRoleOn } from '../planning/use-unit-param.ts';
import { ReceivedReports } from './received-reports.tsx';
import { ReportStatusBadge, TimelinessBadge } from './report-badges.tsx';
import { useProgress, useRemind, useReportType } from './reporting.api.ts';

/** /bao-cao/loai/:id?ky=&donVi= — who has reported for one period, at one level. */
export default function ProgressPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const type = useReportType(id);
  const period = params.get('ky') ?? type.data?.reportType.periods[0]?.key ?? null;
  const unitId = params.get('donVi') ?? type.data?.reportType.unitId ?? null;
  const progress = useProgress(type.data ? id : null, period, unitId);
  const role = useRoleOn(unitId);
  const remind = useRemind(id);
  const message = useErrorMessage();

  if (type.isPending) return <PageSkeleton />;
  if (type.isError) {
    return isNotFound(type.error) ? (
      <NotFoundState />
    ) : (
      <ErrorState error={type.error} onRetry={() => void type.refetch()} />
    );
  }
  const reportType = type.data.reportType;
  const current = reportType.periods.find((p) => p.key === period);

  return (
    <>
      <PageHeader
        title={`${t('reporting.progress.title')}: ${reportType.name}`}
        subtitle={`${reportType.planTitle} · ${reportType.dueRule}`}
        actions={
          reportType.abilities.remind && (
            <Button
              variant="light"
              leftSection={<IconBell size={16} aria-hidden />}
              loading={remind.isPending}
              onClick={() =>
                remind.mutate(
                  { period: period ?? undefined },
                  {
                    onSuccess: ({ items }) =>
                      notifications.show({
                        message: items.length
                          ? t('reporting.progress.reminded', { n: items.length })
                          : t('reporting.progress.remindedNone'),
                      }),
                    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
                  },
                )
              }
            >
              {t('reporting.progress.remind')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Select
          label={t('reporting.progress.period')}
          data={reportType.periods.map((p) => ({
            value: p.key,
            label: `${p.label} (${t('reporting.reports.due', { date: formatDate(p.dueDate) })})`,
          }))}
          value={period}
          onChange={(v) =>
            v &&
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                next.set('ky', v);
                return next;
              },
              { replace: true },
            )
          }
          allowDeselect={false}
          maw={420}
        />
        {progress.isError && (
          <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
        )}
        {progress.data && (
          <>
            <Card withBorder radius="md" padding="md">
              <Title order={2} fz="h4" mb="xs">
                {t('reporting.progress.own')}
              </Title>
              <Group gap="xs" wrap="wrap" justify="space-between">
                {progress.data.own.reportId ? (
                  <Anchor
                    component={Link}
                    to={`/bao-cao/${progress.data.own.reportId}`}
                    className="px-wrap"
                  >
                    {progress.data.unit.name}
                  </Anchor>
                ) : (
                  <Text className="px-wrap">{progress.data.unit.name}</Text>
                )}
                <Group gap={6}>
                  <ReportStatusBadge status={progress.data.own.status} />
                  <TimelinessBadge timeliness={progress.data.own.timeliness} />
                </Group>
              </Group>
              {current && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('reporting.reports.due', { date: formatDate(current.dueDate) })}
                </Text>
              )}
            </Card>
            <Card withBorder radius="md" padding="md">
              <Title order={2} fz="h4" mb="sm">
                {t('reporting.progress.children')}
              </Title>
              <Stack gap="sm">
                <ReceivedReports progress={progress.data} canWaive={atLeast(role, 'editor')} />
              </Stack>
            </Card>
          </>
        )}
      </Stack>
    </>
  );
}
