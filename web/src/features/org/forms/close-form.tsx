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

type Values = Dated & { successor: UnitOption | null };

/** POST /restructure/close, with the unit that takes over its units and people. */
export function CloseForm({ unit, asOf, onDone, onCancel }: UnitFormProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const labels = useFieldLabels();
  const close = useRestructure('close');
  const result = useRestructureResult();
  const form = useFormState<Values>({
    successor: null,
    effectiveDate: todayInVietnam(),
    reason: '',
  });
  const { values, errors } = form;
  const parent = unit.ancestors[unit.ancestors.length - 1];
  // The server decides (409 invalid_state) whether a successor is needed on the effective date;
  // the hint is shown up front when the unit has units or people today.
  const needsSuccessor = unit.childCount > 0 || unit.peopleCount > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.check(validateDated(values, rules), event);
    if (!ok || !values.effectiveDate) return;
    const successorId = values.successor?.id;
    close.mutate(
      {
        unitId: unit.id,
        successorId,
        effectiveDate: values.effectiveDate,
        reason: values.reason.trim(),
      },
      { onSuccess: ({ event: e }) => onDone(result(e, successorId ?? parent?.id ?? null)) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('restructure.close.description')}
        </Text>
        <FormError error={close.error} labels={labels} />
        <UnitPicker
          label={t('restructure.close.successor')}
          description={needsSuccessor ? t('restructure.close.successorHint') : undefined}
          value={values.successor?.id ?? null}
          onChange={(successor) => form.patch({ successor })}
          asOf={asOf}
          excludeIds={[unit.id]}
          error={errors.successor}
          clearable
        />
        <DatedFields values={values} errors={errors} onChange={form.patch} />
        <FormButtons onCancel={onCancel} pending={close.isPending} />
      </Stack>
    </form>
  );
}
