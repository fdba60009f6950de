import { Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { UnitPicker } from '../../../components/unit-picker.tsx';
import type { UnitOption } from '../../../components/unit-picker.tsx';
import { todayInVietnam } from '../../../lib/dates.ts';
import { useFormState } from '../../../lib/form.ts';
import { useRules } from '../../../lib/validation.ts';
import { useRestructure } from '../org.api.ts';
import { DatedFields, FormButtons, useFieldLabels, validateDated } from './form-parts.tsx';
import type { Dated } from './form-parts.tsx';
import type { UnitFormProps } from './form-types.ts';
import { useRestructureResult } from './use-restructure-result.ts';

type Values = Dated & { newParent: UnitOption | null };

/** POST /restructure/move: the unit and its subtree go under another parent. */
export function MoveForm({ unit, asOf, onDone, onCancel }: UnitFormProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const labels = useFieldLabels();
  const move = useRestructure('move');
  const result = useRestructureResult();
  const form = useFormState<Values>({
    newParent: null,
    effectiveDate: todayInVietnam(),
    reason: '',
  });
  const { values, errors } = form;
  const currentParent = unit.ancestors[unit.ancestors.length - 1];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.check(
      {
        ...validateDated(values, rules),
        newParent: values.newParent ? undefined : t('form.requiredChoice'),
      },
      event,
    );
    if (!ok || !values.newParent || !values.effectiveDate) return;
    move.mutate(
      {
        unitId: unit.id,
        newParentId: values.newParent.id,
        effectiveDate: values.effectiveDate,
        reason: values.reason.trim(),
      },
      { onSuccess: ({ event: e }) => onDone(result(e, unit.id)) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('restructure.move.description')}
        </Text>
        <FormError error={move.error} labels={labels} />
        <UnitPicker
          label={t('restructure.move.newParent')}
          value={values.newParent?.id ?? null}
          onChange={(newParent) => form.patch({ newParent })}
          asOf={asOf}
          excludeIds={[unit.id, ...(currentParent ? [currentParent.id] : [])]}
          error={errors.newParent}
          required
        />
        <DatedFields values={values} errors={errors} onChange={form.patch} />
        <FormButtons onCancel={onCancel} pending={move.isPending} />
      </Stack>
    </form>
  );
}
