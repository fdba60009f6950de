import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { PlanKind, PlanSection } from '../../../../common/planning.ts';
import { PLAN_KINDS, PLAN_SECTIONS, PLANNING_LIMITS } from '../../../../common/planning.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormError } from '../../components/form-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSkeleton } from '../../components/page-skeleton.tsx';
import { optional, useFormState } from '../../lib/form.ts';
import { useRules } from '../../lib/validation.ts';
import { blocksToText, textToBlocks } from './body-text.ts';
import { useCreatePlan, usePlan, useUpdatePlan } from './planning.api.ts';
import type { PlanDetail } from './planning.types.ts';
import { UNIT_PARAM } from './use-unit-param.ts';

type Values = {
  kind: PlanKind;
  number: string;
  title: string;
  issueDate: string | null;
  periodStart: number | string;
  periodEnd: number | string;
  prefill: boolean;
} & Record<PlanSection, string>;

function initialValues(plan: PlanDetail['plan'] | null, parent: PlanDetail['plan'] | null): Values {
  const year = new Date().getFullYear();
  return {
    kind: (plan?.kind as PlanKind | undefined) ?? 'plan',
    number: plan?.number ?? '',
    title: plan?.title ?? (parent ? `Kế hoạch thực hiện ${parent.title}` : ''),
    issueDate: plan?.issueDate ?? null,
    periodStart: plan?.periodStart ?? parent?.periodStart ?? year,
    periodEnd: plan?.periodEnd ?? parent?.periodEnd ?? year,
    prefill: true,
    purpose: plan ? blocksToText(plan.body.purpose) : '',
    content: plan ? blocksToText(plan.body.content) : '',
    organisation: plan ? blocksToText(plan.body.organisation) : '',
  };
}

/** /ke-hoach/moi?donVi=&thucHien=<parent plan> (create) and /ke-hoach/:id/sua (edit a draft). */
export default function PlanFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const parentId = id ? null : params.get('thucHien');
  const existing = usePlan(id ?? null);
  const parent = usePlan(parentId);
  if ((id && existing.isPending) || (parentId && parent.isPending)) return <PageSkeleton />;
  const failed = id ? existing : parentId ? parent : null;
  if (failed?.isError)
    return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  return (
    <PlanForm
      key={id ?? parentId ?? 'new'}
      plan={existing.data?.plan ?? null}
      parent={parent.data?.plan ?? null}
      unitId={existing.data?.plan.unitId ?? params.get(UNIT_PARAM)}
    />
  );
}

function PlanForm({
  plan,
  parent,
  unitId,
}: {
  plan: PlanDetail['plan'] | null;
  parent: PlanDetail['plan'] | null;
  unitId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rules = useRules();
  const form = useFormState<Values>(() => initialValues(plan, parent));
  const create = useCreatePlan();
  const update = useUpdatePlan(plan?.id ?? '');
  const mutation = plan ? update : create;
  const [submitted, setSubmitted] = useState(false);
  const { values, errors, setField } = form;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const ok = form.check(
      {
        title: rules.first(values.title, rules.required, rules.max(PLANNING_LIMITS.planTitle)),
        number: rules.first(values.number, rules.max(PLANNING_LIMITS.planNumber)),
        periodStart: values.periodStart === '' ? t('form.required') : undefined,
        periodEnd: values.periodEnd === '' ? t('form.required') : undefined,
      },
      event,
    );
    if (!ok) return;
    const body = {
      purpose: textToBlocks(values.purpose),
      content: textToBlocks(values.content),
      organisation: textToBlocks(values.organisation),
    };
    const common = {
      kind: values.kind,
      number: optional(values.number) ?? null,
      title: values.title.trim(),
      issueDate: values.issueDate,
      periodStart: Number(values.periodStart),
      periodEnd: Number(values.periodEnd),
      body,
    };
    if (plan) {
      update.mutate(common, {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('planning.plan.saved') });
          void navigate(`/ke-hoach/${plan.id}`);
        },
      });
    } else if (unitId) {
      create.mutate(
        {
          ...common,
          unitId,
          implements: parent ? [parent.id] : [],
          prefill: Boolean(parent) && values.prefill,
        },
        {
          onSuccess: (detail) => {
            notifications.show({ color: 'green', message: t('planning.plan.created') });
            void navigate(`/ke-hoach/${detail.plan.id}`);
          },
        },
      );
    }
  };

  const title = plan
    ? t('planning.plan.editTitle')
    : parent
      ? t('planning.plan.implementTitle')
      : t('planning.plan.createTitle');

  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" maw={860}>
        <form onSubmit={onSubmit} noValidate data-testid="plan-form">
          <Stack gap="md">
            <FormError error={submitted ? mutation.error : null} />
            {parent && (
              <Alert
                color="blue"
                icon={<IconInfoCircle aria-hidden />}
                title={t('planning.plan.implements')}
              >
                <Stack gap={6}>
                  <Text size="sm" className="px-wrap">
                    {parent.number ? `${parent.number} · ` : ''}
                    {parent.title} ({parent.unitName})
                  </Text>
                  <Checkbox
                    label={t('planning.plan.prefill')}
                    description={t('planning.plan.prefillHint')}
                    checked={values.prefill}
                    onChange={(e) => setField('prefill', e.currentTarget.checked)}
                  />
                </Stack>
              </Alert>
            )}
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label={t('planning.plan.kind')}
                data={PLAN_KINDS.map((k) => ({
                  value: k,
                  label: t(`planning.enums.planKind.${k}`),
                }))}
                value={values.kind}
                onChange={(v) => v && setField('kind', v)}
                allowDeselect={false}
                miw={160}
              />
              <TextInput
                label={t('planning.plan.number')}
                placeholder={t('planning.plan.numberHint')}
                value={values.number}
                onChange={(e) => setField('number', e.currentTarget.value)}
                error={errors.number}
                miw={200}
              />
            </Group>
            <Textarea
              label={t('planning.plan.title')}
              required
              autosize
              minRows={2}
              value={values.title}
              onChange={(e) => setField('title', e.currentTarget.value)}
              error={errors.title}
            />
            <Group grow align="flex-start" wrap="wrap">
              <DateField
                label={t('planning.plan.issueDate')}
                value={values.issueDate}
                onChange={(iso) => setField('issueDate', iso)}
                clearable
                miw={150}
              />
              <NumberInput
                label={t('planning.plan.periodStart')}
                required
                value={values.periodStart}
                onChange={(v) => setField('periodStart', v)}
                min={1990}
                max={2100}
                allowDecimal={false}
                thousandSeparator=""
                error={errors.periodStart}
                miw={110}
              />
              <NumberInput
                label={t('planning.plan.periodEnd')}
                required
                value={values.periodEnd}
                onChange={(v) => setField('periodEnd', v)}
                min={1990}
                max={2100}
                allowDecimal={false}
                thousandSeparator=""
                error={errors.periodEnd}
                miw={110}
              />
            </Group>
            <Text size="xs" c="dimmed">
              {t('planning.plan.bodyHint')}
            </Text>
            {PLAN_SECTIONS.map((section, i) => (
              <Textarea
                key={section}
                label={`${['I', 'II', 'III'][i]}. ${t(`planning.plan.sections.${section}`)}`}
                autosize
                minRows={3}
                maxRows={16}
                value={values[section]}
                onChange={(e) => setField(section, e.currentTarget.value)}
              />
            ))}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void navigate(-1)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending} data-testid="plan-save">
                {t('planning.plan.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
