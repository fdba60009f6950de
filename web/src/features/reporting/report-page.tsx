import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconPencil } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import type { ReportSection } from '../../../../common/reporting.ts';
import { REPORT_SECTIONS, REPORTING_LIMITS } from '../../../../common/reporting.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormError } from '../../components/form-error.tsx';
import { NotFoundState } from '../../components/not-found-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSkeleton } from '../../components/page-skeleton.tsx';
import { useErrorMessage } from '../../components/use-error-message.ts';
import { isApiError, isNotFound } from '../../lib/api.ts';
import { blocksToText, textToBlocks } from '../planning/body-text.ts';
import { BodyView } from '../planning/body-view.tsx';
import { ConfirmButton } from '../planning/confirm-button.tsx';
import { atLeast, useRoleOn } from '../planning/use-unit-param.ts';
import { IndicatorTable } from './indicator-table.tsx';
import { ReceivedReports } from './received-reports.tsx';
import { ReportStatusBadge, TimelinessBadge } from './report-badges.tsx';
import { progressPath } from './report-types-card.tsx';
import {
  reportDocxUrl,
  reportXlsxUrl,
  useProgress,
  useReport,
  useReportAction,
  useUpdateReport,
} from './reporting.api.ts';
import type { PendingReport, ReportDetail } from './reporting.types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROMAN = ['I', 'II', 'III', 'IV'];

/** /bao-cao/:id — one report: indicator table, text, workflow, exports, what it waits for. */
export default function ReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const valid = UUID.test(id);
  const query = useReport(valid ? id : null);
  if (valid && query.isPending) return <PageSkeleton />;
  if (!valid || query.isError) {
    if (!valid || isNotFound(query.error)) {
      return (
        <NotFoundState
          title={t('reporting.report.notFound')}
          description={t('reporting.report.notFoundDescription')}
        />
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return null;
  return <ReportView detail={query.data} />;
}

function ReportView({ detail }: { detail: ReportDetail }) {
  const { t } = useTranslation();
  const { report, abilities } = detail;
  const action = useReportAction(report.id);
  const message = useErrorMessage();
  const [editing, setEditing] = useState(false);
  const [returning, setReturning] = useState(false);
  const [blocked, setBlocked] = useState<{ message: string; pending: PendingReport[] } | null>(
    null,
  );
  const progress = useProgress(report.reportTypeId, report.period.key, report.unit.id);
  const role = useRoleOn(report.unit.id);
  const isDraft = report.status === 'draft';

  const submit = () =>
    action.mutate(
      { action: 'submit' },
      {
        onSuccess: () => {
          setBlocked(null);
          notifications.show({ color: 'green', message: t('reporting.report.submitted') });
        },
        onError: (error) => {
          const pending = isApiError(error, 'invalid_state')
            ? (error.details as { pending?: PendingReport[] } | undefined)?.pending
            : undefined;
          if (pending) setBlocked({ message: message(error), pending });
          else notifications.show({ color: 'red', message: message(error), autoClose: 8000 });
        },
      },
    );
  const accept = () =>
    action.mutate(
      { action: 'accept' },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: t('reporting.report.accepted') }),
        onError: (e) => notifications.show({ color: 'red', message: message(e) }),
      },
    );

  return (
    <>
      <PageHeader
        above={
          <Text size="sm" c="dimmed" className="px-wrap">
            {report.unit.name} · {t('reporting.report.reviewer', { unit: report.reviewer.name })}
          </Text>
        }
        title={report.title}
        badges={
          <>
            <ReportStatusBadge status={report.status} />
            <TimelinessBadge timeliness={report.timeliness} />
          </>
        }
        subtitle={[
          report.reportTypeName,
          report.period.label,
          t('reporting.reports.due', { date: formatDate(report.period.dueDate) }),
          report.firstSubmittedAt
            ? t('reporting.report.firstSubmitted', { date: formatDate(report.firstSubmittedAt) })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <>
            <Button
              component="a"
              href={reportDocxUrl(report.id)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="report-docx"
            >
              {t('reporting.report.docx')}
            </Button>
            <Button
              component="a"
              href={reportXlsxUrl(report.id)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="report-xlsx"
            >
              {t('reporting.report.xlsx')}
            </Button>
            {abilities.edit && isDraft && (
              <Button
                variant="light"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
                data-testid="edit-report"
              >
                {t('reporting.report.editBody')}
              </Button>
            )}
            {abilities.submit && isDraft && (
              <ConfirmButton
                question={t('reporting.report.submitConfirm')}
                onConfirm={submit}
                loading={action.isPending}
                data-testid="submit-report"
              >
                {t('reporting.report.submit')}
              </ConfirmButton>
            )}
            {abilities.review && report.status === 'submitted' && (
              <>
                <Button
                  color="green"
                  onClick={accept}
                  loading={action.isPending}
                  data-testid="accept-report"
                >
                  {t('reporting.report.accept')}
                </Button>
                <Button
                  color="orange"
                  variant="light"
                  onClick={() => setReturning(true)}
                  data-testid="return-report"
                >
                  {t('reporting.report.return')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Stack gap="md">
        {blocked && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('reporting.report.blocked')}
            role="alert"
            data-testid="submit-blocked"
          >
            <Stack gap={6}>
              <Text size="sm">{blocked.message}</Text>
              <List size="sm">
                {blocked.pending.map((p) => (
                  <List.Item key={p.unitId}>
                    {p.name}:{' '}
                    {p.status
                      ? t(`reporting.enums.status.${p.status as 'draft'}`)
                      : t('reporting.report.pendingStatus')}
                  </List.Item>
                ))}
              </List>
              <Anchor
                component={Link}
                to={progressPath(report.reportTypeId, report.period.key, report.unit.id)}
                size="sm"
              >
                {t('reporting.report.viewProgress')}
              </Anchor>
            </Stack>
          </Alert>
        )}
        {report.returned && (
          <Alert
            color="orange"
            title={t('reporting.report.returned', { date: formatDate(report.returned.at) })}
          >
            {report.returned.comment}
          </Alert>
        )}
        {report.waiverReason && (
          <Alert color="violet">
            {t('reporting.report.waiver', { reason: report.waiverReason })}
          </Alert>
        )}
        <Card withBorder radius="md" padding="md">
          <Title order={2} fz="h4" mb="sm">
            {t('reporting.report.indicators')}
          </Title>
          <IndicatorTable detail={detail} />
        </Card>
        <Card withBorder radius="md" padding="md">
          <Stack gap="md">
            {REPORT_SECTIONS.map((section, i) => (
              <Stack key={section} gap="xs" data-testid={`section-${section}`}>
                <Title order={2} fz="h5">
                  {`${ROMAN[i]}. ${t(`reporting.report.sections.${section}`).toUpperCase()}`}
                </Title>
                <BodyView
                  blocks={report.body[section]}
                  empty={t('reporting.report.emptySection')}
                />
              </Stack>
            ))}
          </Stack>
        </Card>
        {progress.data && progress.data.children.length > 0 && (
          <Card withBorder radius="md" padding="md">
            <Title order={2} fz="h4" mb="sm">
              {t('reporting.reports.received')}
            </Title>
            <Stack gap="sm">
              <ReceivedReports progress={progress.data} canWaive={atLeast(role, 'editor')} />
            </Stack>
          </Card>
        )}
      </Stack>
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('reporting.report.editBody')}
        size="xl"
      >
        {editing && <ReportForm detail={detail} onClose={() => setEditing(false)} />}
      </Modal>
      <Modal
        opened={returning}
        onClose={() => setReturning(false)}
        title={t('reporting.report.returnTitle')}
      >
        {returning && <ReturnForm reportId={report.id} onClose={() => setReturning(false)} />}
      </Modal>
    </>
  );
}

function ReturnForm({ reportId, onClose }: { reportId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const action = useReportAction(reportId);
  const [comment, setComment] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    action.mutate(
      { action: 'return', comment: comment.trim() },
      {
        onSuccess: () => {
          notifications.show({ message: t('reporting.report.returnedDone') });
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError error={submitted ? action.error : null} />
        <Textarea
          label={t('reporting.report.comment')}
          required
          autosize
          minRows={3}
          maxLength={REPORTING_LIMITS.comment}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={action.isPending}>
            {t('reporting.report.return')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type FormValues = Record<ReportSection, string> & {
  title: string;
  number: string;
  place: string;
  date: string | null;
  issuingBody: string;
  superiorBody: string;
  recipients: string;
  onBehalfOf: string;
  signRole: string;
  signName: string;
};

function ReportForm({ detail, onClose }: { detail: ReportDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { report } = detail;
  const update = useUpdateReport(report.id);
  const [submitted, setSubmitted] = useState(false);
  const [v, setV] = useState<FormValues>({
    title: report.title,
    number: report.document.number ?? '',
    place: report.document.place,
    date: report.document.date,
    issuingBody: report.document.issuingBody,
    superiorBody: report.document.superiorBody ?? '',
    recipients: report.document.recipients.join('\n'),
    onBehalfOf: report.document.signature.onBehalfOf,
    signRole: report.document.signature.role,
    signName: report.document.signature.name,
    results: blocksToText(report.body.results),
    shortcomings: blocksToText(report.body.shortcomings),
    nextSteps: blocksToText(report.body.nextSteps),
    proposals: blocksToText(report.body.proposals),
  });
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    setV((prev) => ({ ...prev, [key]: value }));
  const text = (key: keyof FormValues, label: string) => (
    <TextInput
      label={label}
      value={v[key] ?? ''}
      onChange={(e) => set(key, e.currentTarget.value)}
    />
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    update.mutate(
      {
        title: v.title.trim(),
        document: {
          number: v.number.trim() || null,
          place: v.place.trim(),
          date: v.date,
          superiorBody: v.superiorBody.trim() || null,
          issuingBody: v.issuingBody.trim(),
          recipients: v.recipients
            .split('\n')
            .map((r) => r.trim())
            .filter(Boolean),
          signature: {
            onBehalfOf: v.onBehalfOf.trim(),
            role: v.signRole.trim(),
            name: v.signName.trim(),
          },
        },
        body: {
          results: textToBlocks(v.results),
          shortcomings: textToBlocks(v.shortcomings),
          nextSteps: textToBlocks(v.nextSteps),
          proposals: textToBlocks(v.proposals),
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('reporting.report.saved') });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="report-form">
      <Stack gap="sm">
        <FormError error={submitted ? update.error : null} />
        <Textarea
          label={t('reporting.report.reportTitle')}
          autosize
          minRows={2}
          value={v.title}
          onChange={(e) => set('title', e.currentTarget.value)}
        />
        <Text size="xs" c="dimmed">
          {t('planning.plan.bodyHint')}
        </Text>
        {REPORT_SECTIONS.map((section, i) => (
          <Textarea
            key={section}
            label={`${ROMAN[i]}. ${t(`reporting.report.sections.${section}`)}`}
            autosize
            minRows={3}
            maxRows={14}
            value={v[section]}
            onChange={(e) => set(section, e.currentTarget.value)}
            data-testid={`edit-${section}`}
          />
        ))}
        <Title order={3} fz="h5" mt="sm">
          {t('reporting.report.document')}
        </Title>
        <Group grow wrap="wrap" align="flex-start">
          {text('number', t('reporting.report.number'))}
          {text('place', t('reporting.report.place'))}
          <DateField
            label={t('reporting.report.date')}
            value={v.date}
            onChange={(iso) => set('date', iso)}
            clearable
          />
        </Group>
        <Group grow wrap="wrap" align="flex-start">
          {text('superiorBody', t('reporting.report.superiorBody'))}
          {text('issuingBody', t('reporting.report.issuingBody'))}
        </Group>
        <Textarea
          label={t('reporting.report.recipients')}
          autosize
          minRows={2}
          value={v.recipients}
          onChange={(e) => set('recipients', e.currentTarget.value)}
        />
        <Group grow wrap="wrap" align="flex-start">
          {text('onBehalfOf', t('reporting.report.signOnBehalf'))}
          {text('signRole', t('reporting.report.signRole'))}
          {text('signName', t('reporting.report.signName'))}
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="report-save">
            {t('reporting.report.saveBody')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
