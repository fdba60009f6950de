import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitKind } from '../../../../common/enums.ts';
import { UNIT_KINDS } from '../../../../common/enums.ts';
import { formatDate } from '../../../../common/format.ts';
import type { ReportKind } from '../../../../common/reporting.ts';
import { REPORT_KINDS } from '../../../../common/reporting.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError } from '../../components/form-error.tsx';
import type { PlanView } from '../planning/planning.types.ts';
import { atLeast, useRoleOn } from '../planning/use-unit-param.ts';
import { useCreateReportType, useReportTypes } from './reporting.api.ts';

export function progressPath(typeId: string, period: string, unitId: string): string {
  return `/bao-cao/loai/${typeId}?ky=${encodeURIComponent(period)}&donVi=${unitId}`;
}

/** The reports a plan asks for ("6 tháng trước ngày 25/4, năm trước ngày 20/9"), with their
 * periods and due dates, each linking to who has reported. */
export function ReportTypesCard({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const types = useReportTypes(plan.id);
  const role = useRoleOn(plan.unitId);
  const [adding, setAdding] = useState(false);
  const canAdd = atLeast(role, 'admin') && plan.status !== 'closed';
  const items = types.data?.items ?? [];
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4">
          {t('reporting.types.title')}
        </Title>
        {canAdd && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="add-report-type"
          >
            {t('reporting.types.add')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reporting.types.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((type) => (
            <Stack key={type.id} gap={4} data-testid="report-type">
              <Text size="sm" fw={600} className="px-wrap">
                {type.name} — {type.dueRule}
              </Text>
              {type.reporterKinds.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('reporting.types.reportersList', {
                    kinds: type.reporterKinds
                      .map((k) => t(`enums.unitKind.${k as UnitKind}`))
                      .join(', '),
                  })}
                </Text>
              )}
              {plan.status !== 'draft' && (
                <Group gap="xs" wrap="wrap">
                  {type.periods.map((p) => (
                    <Anchor
                      key={p.key}
                      component={Link}
                      to={progressPath(type.id, p.key, plan.unitId)}
                      size="xs"
                    >
                      {p.label} ({t('reporting.types.due', { date: formatDate(p.dueDate) })})
                    </Anchor>
                  ))}
                </Group>
              )}
            </Stack>
          ))}
        </Stack>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('reporting.types.add')}>
        {adding && <ReportTypeForm plan={plan} onClose={() => setAdding(false)} />}
      </Modal>
    </Card>
  );
}

function ReportTypeForm({ plan, onClose }: { plan: PlanView; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateReportType(plan.id);
  const [kind, setKind] = useState<ReportKind>('six_month');
  const [name, setName] = useState('');
  const [slot, setSlot] = useState<'H1' | 'H2'>('H1');
  const [dueDay, setDueDay] = useState<number | string>(25);
  const [dueMonth, setDueMonth] = useState<number | string>(4);
  const [nextYear, setNextYear] = useState(false);
  const [period, setPeriod] = useState(String(plan.periodStart));
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [reporters, setReporters] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const reporterKinds = reporters as UnitKind[];
    const trimmed = name.trim() || undefined;
    create.mutate(
      kind === 'thematic'
        ? {
            kind,
            name: trimmed,
            period: period.trim(),
            dueDate: dueDate ?? undefined,
            reporterKinds,
          }
        : {
            kind,
            name: trimmed,
            ...(kind === 'six_month' ? { periodSlot: slot } : {}),
            dueDay: Number(dueDay),
            dueMonth: Number(dueMonth),
            dueYearOffset: nextYear ? 1 : 0,
            reporterKinds,
          },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('reporting.types.created') });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="report-type-form">
      <Stack gap="sm">
        <FormError error={submitted ? create.error : null} />
        <Select
          label={t('reporting.types.kind')}
          data={REPORT_KINDS.map((k) => ({ value: k, label: t(`reporting.enums.kind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
        />
        <TextInput
          label={t('reporting.types.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        {kind === 'six_month' && (
          <Select
            label={t('reporting.types.slot')}
            data={[
              { value: 'H1', label: t('reporting.types.slotH1') },
              { value: 'H2', label: t('reporting.types.slotH2') },
            ]}
            value={slot}
            onChange={(v) => v && setSlot(v)}
            allowDeselect={false}
          />
        )}
        {kind === 'thematic' ? (
          <>
            <TextInput
              label={t('reporting.types.period')}
              value={period}
              onChange={(e) => setPeriod(e.currentTarget.value)}
            />
            <DateField label={t('reporting.types.dueDate')} value={dueDate} onChange={setDueDate} />
          </>
        ) : (
          <>
            <Group grow wrap="nowrap">
              <NumberInput
                label={t('reporting.types.dueDay')}
                value={dueDay}
                onChange={setDueDay}
                min={1}
                max={31}
                allowDecimal={false}
                data-testid="due-day"
              />
              <NumberInput
                label={t('reporting.types.dueMonth')}
                value={dueMonth}
                onChange={setDueMonth}
                min={1}
                max={12}
                allowDecimal={false}
                data-testid="due-month"
              />
            </Group>
            <Checkbox
              label={t('reporting.types.dueNextYear')}
              checked={nextYear}
              onChange={(e) => setNextYear(e.currentTarget.checked)}
            />
          </>
        )}
        <MultiSelect
          label={t('reporting.types.reporters')}
          description={t('reporting.types.reportersHint')}
          data={UNIT_KINDS.filter((k) => k !== 'central').map((k) => ({
            value: k,
            label: t(`enums.unitKind.${k}`),
          }))}
          value={reporters}
          onChange={setReporters}
          data-testid="reporter-kinds"
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="report-type-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
