import { Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../common/limits.ts';
import { FormError } from '../../../components/form-error.tsx';
import { todayInVietnam } from '../../../lib/dates.ts';
import { useFormState } from '../../../lib/form.ts';
import { useRules } from '../../../lib/validation.ts';
import { useRestructure } from '../org.api.ts';
import { DatedFields, FormButtons, useFieldLabels, validateDated } from './form-parts.tsx';
import type { Dated } from './form-parts.tsx';
import type { UnitFormProps } from './form-types.ts';
import { useRestructureResult } from './use-restructure-result.ts';

type Values = Dated & { name: string; shortName: string };

/** POST /restructure/rename; the former name stays in the history. */
export function RenameForm({ unit, onDone, onCancel }: UnitFormProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const labels = useFieldLabels();
  const rename = useRestructure('rename');
  const result = useRestructureResult();
  const form = useFormState<Values>({
    name: unit.name,
    shortName: unit.shortName,
    effectiveDate: todayInVietnam(),
    reason: '',
  });
  const { values, errors, setField } = form;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.check(
      {
        ...validateDated(values, rules),
        name: rules.first(values.name, rules.required, rules.max(LIMITS.unitName)),
        shortName: rules.first(values.shortName, rules.required, rules.max(LIMITS.shortName)),
      },
      event,
    );
    if (!ok || !values.effectiveDate) return;
    rename.mutate(
      {
        unitId: unit.id,
        name: values.name.trim(),
        shortName: values.shortName.trim(),
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
          {t('restructure.rename.description')}
        </Text>
        <FormError error={rename.error} labels={labels} />
        <TextInput
          label={t('unit.name')}
          value={values.name}
          onChange={(e) => setField('name', e.currentTarget.value)}
          error={errors.name}
          maxLength={LIMITS.unitName}
          required
        />
        <TextInput
          label={t('unit.shortName')}
          value={values.shortName}
          onChange={(e) => setField('shortName', e.currentTarget.value)}
          error={errors.shortName}
          maxLength={LIMITS.shortName}
          required
        />
        <DatedFields values={values} errors={errors} onChange={form.patch} />
        <FormButtons onCancel={onCancel} pending={rename.isPending} />
      </Stack>
    </form>
  );
}
