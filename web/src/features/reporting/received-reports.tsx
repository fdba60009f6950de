import { Anchor, Button, Card, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import { REPORTING_LIMITS } from '../../../../common/reporting.ts';
import { FormError } from '../../components/form-error.tsx';
import { ReportStatusBadge, TimelinessBadge } from './report-badges.tsx';
import { useWaive } from './reporting.api.ts';
import type { ProgressResponse } from './reporting.types.ts';

type State = ProgressResponse['children'][number];

/** The reporters of one level for one period: status, timeliness, links, and waivers. */
export function ReceivedReports({
  progress,
  canWaive,
}: {
  progress: ProgressResponse;
  canWaive: boolean;
}) {
  const { t } = useTranslation();
  const [waiving, setWaiving] = useState<State | null>(null);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  if (progress.children.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('reporting.progress.noChildren')}
      </Text>
    );
  }
  return (
    <>
      {!wide ? (
        <Stack gap="xs" data-testid="received-reports">
          {progress.children.map((c) => (
            <Card
              key={c.unit.id}
              withBorder
              padding="sm"
              radius="sm"
              data-testid="received-row"
              data-unit={c.unit.code}
            >
              <Stack gap={4}>
                <UnitCell state={c} />
                <Group gap={6} wrap="wrap" justify="space-between">
                  <Group gap={6} wrap="wrap">
                    <ReportStatusBadge status={c.status} />
                    <TimelinessBadge timeliness={c.timeliness} />
                  </Group>
                  <WaiveButton state={c} canWaive={canWaive} onWaive={setWaiving} />
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={6} fz="sm" data-testid="received-reports">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reporting.progress.unit')}</Table.Th>
                <Table.Th>{t('reporting.progress.status')}</Table.Th>
                <Table.Th>{t('reporting.progress.timeliness')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {progress.children.map((c) => (
                <Table.Tr key={c.unit.id} data-testid="received-row" data-unit={c.unit.code}>
                  <Table.Td className="px-wrap">
                    <UnitCell state={c} />
                  </Table.Td>
                  <Table.Td>
                    <ReportStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>
                    <TimelinessBadge timeliness={c.timeliness} />
                  </Table.Td>
                  <Table.Td>
                    <WaiveButton state={c} canWaive={canWaive} onWaive={setWaiving} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">
        {t('reporting.progress.totals', progress.totals)}
      </Text>
      <Modal
        opened={waiving !== null}
        onClose={() => setWaiving(null)}
        title={waiving ? t('reporting.progress.waiveTitle', { unit: waiving.unit.name }) : ''}
      >
        {waiving && (
          <WaiveForm progress={progress} state={waiving} onClose={() => setWaiving(null)} />
        )}
      </Modal>
    </>
  );
}

function WaiveForm({
  progress,
  state,
  onClose,
}: {
  progress: ProgressResponse;
  state: State;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const waive = useWaive();
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    waive.mutate(
      {
        reportTypeId: progress.reportType.id,
        unitId: state.unit.id,
        period: progress.period.key,
        reason: reason.trim(),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('reporting.progress.waived') });
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="waive-form">
      <Stack gap="sm">
        <FormError error={submitted ? waive.error : null} />
        <Textarea
          label={t('reporting.progress.reason')}
          required
          autosize
          minRows={2}
          maxLength={REPORTING_LIMITS.reason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={waive.isPending} data-testid="waive-save">
            {t('reporting.progress.waive')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UnitCell({ state: c }: { state: State }) {
  const { t } = useTranslation();
  return (
    <div className="px-wrap">
      {c.reportId ? (
        <Anchor component={Link} to={`/bao-cao/${c.reportId}`} size="sm">
          {c.unit.name}
        </Anchor>
      ) : (
        c.unit.name
      )}
      {c.below.total > 0 && (
        <Text size="xs" c="dimmed">
          {t('reporting.progress.below', {
            accepted: c.below.accepted,
            total: c.below.total,
            late: c.below.late + c.below.missing,
          })}
        </Text>
      )}
      {c.firstSubmittedAt && (
        <Text size="xs" c="dimmed">
          {t('reporting.report.firstSubmitted', {
            date: formatDate(c.firstSubmittedAt),
          })}
        </Text>
      )}
    </div>
  );
}

function WaiveButton({
  state: c,
  canWaive,
  onWaive,
}: {
  state: State;
  canWaive: boolean;
  onWaive: (state: State) => void;
}) {
  const { t } = useTranslation();
  if (!canWaive || !(c.status === null || c.status === 'draft')) return null;
  return (
    <Button size="compact-xs" variant="subtle" onClick={() => onWaive(c)} data-testid="waive">
      {t('reporting.progress.waive')}
    </Button>
  );
}
