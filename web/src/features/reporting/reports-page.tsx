import {
  Anchor,
  Button,
  EmptyState,
  Group,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileReport, IconPlus } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { FormError } from '../../components/form-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { UnitSwitcher } from '../planning/unit-switcher.tsx';
import { atLeast, useRoleOn, useUnitParam } from '../planning/use-unit-param.ts';
import { ReportStatusBadge, TimelinessBadge } from './report-badges.tsx';
import { progressPath } from './report-types-card.tsx';
import { useCreateReport, useOwedReportTypes, useReports } from './reporting.api.ts';
import type { ReportSummary } from './reporting.types.ts';

const PERIOD_PARAM = 'ky';

/** /bao-cao?donVi=&ky= — the unit's reports by period, with status and timeliness. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const { unitId } = useUnitParam();
  const [params, setParams] = useSearchParams();
  const period = params.get(PERIOD_PARAM);
  const role = useRoleOn(unitId);
  const reports = useReports(unitId);
  const owed = useOwedReportTypes(unitId);
  const [creating, setCreating] = useState(false);

  const periods = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of reports.data?.items ?? []) seen.set(r.period.key, r.period.label);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [reports.data]);
  const items = (reports.data?.items ?? []).filter((r) => !period || r.period.key === period);
  const ownTypes = (owed.data ?? []).filter((type) => type.unitId === unitId);

  return (
    <>
      <PageHeader
        title={t('reporting.reports.title')}
        subtitle={t('reporting.reports.subtitle')}
        actions={
          unitId &&
          atLeast(role, 'editor') && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="create-report"
            >
              {t('reporting.reports.create')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <UnitSwitcher />
          {periods.length > 1 && (
            <Select
              label={t('reporting.reports.period')}
              placeholder={t('reporting.reports.allPeriods')}
              data={periods}
              value={period}
              clearable
              onChange={(v) =>
                setParams(
                  (prev) => {
                    const next = new URLSearchParams(prev);
                    if (v) next.set(PERIOD_PARAM, v);
                    else next.delete(PERIOD_PARAM);
                    return next;
                  },
                  { replace: true },
                )
              }
              w={240}
            />
          )}
        </Group>
        {reports.isError && (
          <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
        )}
        {reports.isPending && unitId && (
          <Stack gap="xs" role="status" aria-label={t('app.loading')}>
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} height={72} />
            ))}
          </Stack>
        )}
        {reports.data && items.length === 0 && (
          <Paper withBorder py="xl">
            <EmptyState
              icon={<IconFileReport aria-hidden />}
              title={t('reporting.reports.empty')}
            />
          </Paper>
        )}
        {items.length > 0 && (
          <Stack gap="sm" data-testid="report-list">
            {items.map((r) => (
              <ReportCard key={r.id} report={r} />
            ))}
          </Stack>
        )}
        {unitId && ownTypes.length > 0 && (
          <Paper withBorder p="md" radius="md">
            <Title order={2} fz="h4">
              {t('reporting.reports.received')}
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              {t('reporting.reports.receivedHint')}
            </Text>
            <Stack gap="xs">
              {ownTypes.map((type) => (
                <Stack key={type.id} gap={2}>
                  <Text size="sm" fw={500}>
                    {type.name}
                  </Text>
                  <Group gap="sm" wrap="wrap">
                    {type.periods.map((p) => (
                      <Anchor
                        key={p.key}
                        component={Link}
                        to={progressPath(type.id, p.key, unitId)}
                        size="xs"
                      >
                        {p.label}
                      </Anchor>
                    ))}
                  </Group>
                </Stack>
              ))}
            </Stack>
          </Paper>
        )}
      </Stack>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('reporting.reports.createTitle')}
      >
        {creating && unitId && (
          <CreateReportForm unitId={unitId} onClose={() => setCreating(false)} />
        )}
      </Modal>
    </>
  );
}

function ReportCard({ report }: { report: ReportSummary }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="report-card">
      <Stack gap={4}>
        <Group gap={6} wrap="wrap">
          <ReportStatusBadge status={report.status} />
          <TimelinessBadge timeliness={report.timeliness} />
        </Group>
        <Anchor
          component={Link}
          to={`/bao-cao/${report.id}`}
          fw={600}
          size="sm"
          className="px-wrap"
        >
          {report.title}
        </Anchor>
        <Text size="xs" c="dimmed" className="px-wrap">
          {[
            report.reportTypeName,
            report.period.label,
            t('reporting.reports.due', { date: formatDate(report.period.dueDate) }),
            report.submittedAt
              ? t('reporting.reports.submittedAt', { date: formatDate(report.submittedAt) })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}

function CreateReportForm({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const owed = useOwedReportTypes(unitId);
  const create = useCreateReport();
  const [typeId, setTypeId] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const types = owed.data ?? [];
  const type = types.find((x) => x.id === typeId) ?? (types.length === 1 ? types[0] : undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!type || !period) return;
    create.mutate(
      { reportTypeId: type.id, unitId, period },
      {
        onSuccess: (detail) => {
          notifications.show({ color: 'green', message: t('reporting.reports.created') });
          void navigate(`/bao-cao/${detail.report.id}`);
        },
        onError: (error) => {
          // One report per type, unit and period: open the existing one.
          const existing = isApiError(error, 'conflict')
            ? (error.details as { reportId?: string } | undefined)?.reportId
            : undefined;
          if (existing) void navigate(`/bao-cao/${existing}`);
        },
      },
    );
  };

  if (owed.isPending) return <Skeleton height={120} />;
  if (owed.isError) return <ErrorState error={owed.error} />;
  if (types.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('reporting.reports.noTypes')}
      </Text>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate data-testid="create-report-form">
      <Stack gap="sm">
        <FormError error={submitted ? create.error : null} />
        <Select
          label={t('reporting.reports.type')}
          data={types.map((x) => ({ value: x.id, label: `${x.name} – ${x.planTitle}` }))}
          value={type?.id ?? null}
          onChange={(v) => {
            setTypeId(v);
            setPeriod(null);
          }}
          required
          data-testid="report-type-select"
          comboboxProps={{ width: 'target' }}
        />
        <Select
          label={t('reporting.reports.period')}
          data={(type?.periods ?? []).map((p) => ({
            value: p.key,
            label: `${p.label} (${t('reporting.reports.due', { date: formatDate(p.dueDate) })})`,
          }))}
          value={period}
          onChange={setPeriod}
          required
          disabled={!type}
          data-testid="report-period-select"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={create.isPending}
            disabled={!type || !period}
            data-testid="create-report-save"
          >
            {t('reporting.reports.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
