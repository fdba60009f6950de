import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonCategory, UnitKind } from '../../../../common/enums.ts';
import { PERSON_CATEGORIES, UNIT_KINDS } from '../../../../common/enums.ts';
import type { Comparator, TargetScope } from '../../../../common/planning.ts';
import { COMPARATORS, PLANNING_LIMITS, TARGET_SCOPES } from '../../../../common/planning.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { useFormState } from '../../lib/form.ts';
import { useIndicators, useSaveTarget } from './planning.api.ts';
import type { TargetView } from './planning.types.ts';
import { useRequirement, useWindowLabel } from './target-display.tsx';

type Values = {
  parentTargetId: string | null;
  indicatorCode: string | null;
  comparator: Comparator;
  value: number | string;
  category: PersonCategory | null;
  when: 'period' | 'deadline';
  period: string;
  deadline: string | null;
  appliesTo: TargetScope;
  appliesKind: UnitKind | null;
  label: string;
};

function initial(target: TargetView | null, defaultPeriod: string): Values {
  return {
    parentTargetId: target?.parentTargetId ?? null,
    indicatorCode: target?.indicatorCode ?? null,
    comparator: target?.comparator ?? 'gte',
    value: target?.value ?? '',
    category: (target?.category as PersonCategory | null) ?? null,
    when: target?.deadline ? 'deadline' : 'period',
    period: target?.deadline ? defaultPeriod : (target?.period.key ?? defaultPeriod),
    deadline: target?.deadline ?? null,
    appliesTo: target?.appliesTo ?? 'issuer',
    appliesKind: (target?.appliesKind as UnitKind | null) ?? null,
    label: target?.label ?? '',
  };
}

type Props = {
  planId: string;
  defaultPeriod: string;
  /** The target being edited, or null to add one. */
  target: TargetView | null;
  /** Targets of the implemented plans, which a new target may derive from. */
  parentTargets: Map<string, TargetView>;
  opened: boolean;
  onClose: () => void;
};

/** Add or edit a target. A derived target may be stricter than its parent, never looser: the
 * server's 422 (target_looser_than_parent) is shown as it comes, in Vietnamese. */
export function TargetFormModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.target ? t('planning.targets.edit') : t('planning.targets.add')}
      size="lg"
      fullScreen={false}
    >
      {props.opened && <TargetForm key={props.target?.id ?? 'new'} {...props} />}
    </Modal>
  );
}

function TargetForm({ planId, defaultPeriod, target, parentTargets, onClose }: Props) {
  const { t } = useTranslation();
  const indicators = useIndicators();
  const save = useSaveTarget(planId);
  const requirement = useRequirement();
  const windowLabel = useWindowLabel();
  const form = useFormState<Values>(() => initial(target, defaultPeriod));
  const [submitted, setSubmitted] = useState(false);
  const { values, errors, setField, patch } = form;
  const parent = values.parentTargetId ? parentTargets.get(values.parentTargetId) : undefined;
  const indicator = indicators.data?.items.find((i) => i.code === values.indicatorCode);

  const indicatorOptions = useMemo(
    () =>
      (indicators.data?.items ?? []).map((i) => ({
        value: i.code,
        label: `${i.name} (${i.unitLabel})`,
      })),
    [indicators.data],
  );

  const onParent = (id: string | null) => {
    const p = id ? parentTargets.get(id) : undefined;
    patch({
      parentTargetId: id,
      ...(p
        ? {
            indicatorCode: p.indicatorCode,
            category: p.category as PersonCategory | null,
            comparator: p.comparator,
            value: p.value,
            when: p.deadline ? 'deadline' : 'period',
            period: p.period.key ?? defaultPeriod,
            deadline: p.deadline,
            label: p.label ?? '',
          }
        : {}),
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const ok = form.check(
      {
        indicatorCode: values.indicatorCode ? undefined : t('form.requiredChoice'),
        value: values.value === '' ? t('form.required') : undefined,
        period: values.when === 'period' && !values.period.trim() ? t('form.required') : undefined,
        deadline: values.when === 'deadline' && !values.deadline ? t('form.required') : undefined,
        appliesKind:
          values.appliesTo === 'each_of_kind' && !values.appliesKind
            ? t('form.requiredChoice')
            : undefined,
      },
      event,
    );
    if (!ok) return;
    const fields = {
      comparator: values.comparator,
      value: Number(values.value),
      category: indicator?.byCategory ? values.category : null,
      period: values.when === 'period' ? values.period.trim() : null,
      deadline: values.when === 'deadline' ? values.deadline : null,
      appliesTo: values.appliesTo,
      appliesKind: values.appliesTo === 'each_of_kind' ? values.appliesKind : null,
      label: values.label.trim() || null,
    };
    save.mutate(
      target
        ? { id: target.id, body: fields }
        : {
            body: {
              ...fields,
              indicatorCode: values.indicatorCode!,
              parentTargetId: values.parentTargetId,
            },
          },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('planning.targets.saved') });
          onClose();
        },
      },
    );
  };

  const parentOptions = [...parentTargets.values()].map((p) => ({
    value: p.id,
    label: p.label ?? p.indicatorName,
  }));
  const fixed = Boolean(target) || Boolean(parent);

  return (
    <form onSubmit={onSubmit} noValidate data-testid="target-form">
      <Stack gap="sm">
        <FormError error={submitted ? save.error : null} />
        {!target && parentOptions.length > 0 && (
          <Select
            label={t('planning.targets.derived')}
            data={parentOptions}
            value={values.parentTargetId}
            onChange={onParent}
            clearable
            searchable
          />
        )}
        {parent && (
          <Text size="sm" c="blue.8" data-testid="parent-requirement">
            {t('planning.targets.parent', {
              requirement: `${requirement(parent.comparator, parent.value, parent.unitLabel)} (${windowLabel(parent)})`,
            })}
          </Text>
        )}
        <Select
          label={t('planning.targets.indicator')}
          data={indicatorOptions}
          value={values.indicatorCode}
          onChange={(v) => setField('indicatorCode', v)}
          searchable
          required
          disabled={fixed}
          error={errors.indicatorCode}
          maxDropdownHeight={320}
          comboboxProps={{ width: 'target' }}
        />
        {indicator?.byCategory && (
          <Select
            label={t('planning.targets.category')}
            placeholder={t('planning.targets.anyCategory')}
            data={PERSON_CATEGORIES.map((c) => ({
              value: c,
              label: t(`enums.personCategory.${c}`),
            }))}
            value={values.category}
            onChange={(v) => setField('category', v)}
            clearable
            disabled={fixed}
          />
        )}
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('planning.targets.comparator')}
            data={COMPARATORS.map((c) => ({
              value: c,
              label: t(`planning.enums.comparator.${c}`),
            }))}
            value={values.comparator}
            onChange={(v) => v && setField('comparator', v)}
            allowDeselect={false}
            miw={140}
          />
          <NumberInput
            label={`${t('planning.targets.value')}${indicator ? ` (${indicator.unitLabel})` : ''}`}
            required
            value={values.value}
            onChange={(v) => setField('value', v)}
            min={0}
            max={PLANNING_LIMITS.targetValueMax}
            decimalSeparator=","
            thousandSeparator="."
            error={errors.value}
            data-testid="target-value"
            miw={140}
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('planning.targets.when')}
          </Text>
          <SegmentedControl
            value={values.when}
            onChange={(v) => setField('when', v)}
            data={[
              { value: 'period', label: t('planning.targets.byPeriod') },
              { value: 'deadline', label: t('planning.targets.byDeadline') },
            ]}
          />
        </Stack>
        {values.when === 'period' ? (
          <TextInput
            label={t('planning.targets.period')}
            description={t('planning.targets.periodHint')}
            value={values.period}
            onChange={(e) => setField('period', e.currentTarget.value)}
            error={errors.period}
          />
        ) : (
          <DateField
            label={t('planning.targets.deadline')}
            value={values.deadline}
            onChange={(iso) => setField('deadline', iso)}
            error={errors.deadline}
          />
        )}
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('planning.targets.appliesTo')}
            data={TARGET_SCOPES.map((s) => ({
              value: s,
              label: t(`planning.enums.targetScope.${s}`),
            }))}
            value={values.appliesTo}
            onChange={(v) => v && setField('appliesTo', v)}
            allowDeselect={false}
            miw={180}
          />
          {values.appliesTo === 'each_of_kind' && (
            <Select
              label={t('planning.targets.appliesKind')}
              data={UNIT_KINDS.map((k) => ({ value: k, label: t(`enums.unitKind.${k}`) }))}
              value={values.appliesKind}
              onChange={(v) => setField('appliesKind', v)}
              error={errors.appliesKind}
              miw={160}
            />
          )}
        </Group>
        <Textarea
          label={t('planning.targets.label')}
          autosize
          minRows={2}
          value={values.label}
          onChange={(e) => setField('label', e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="target-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
