import { Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../common/limits.ts';
import { FormError } from '../../../components/form-error.tsx';
import { useFormState } from '../../../lib/form.ts';
import { useRules } from '../../../lib/validation.ts';
import { useUpdateUnit } from '../org.api.ts';
import { FormButtons, useFieldLabels } from './form-parts.tsx';
import type { UnitFormProps } from './form-types.ts';

/** PATCH /units/:id: address, phone, email. */
export function EditUnitForm({ unit, asOf, onDone, onCancel }: UnitFormProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const labels = useFieldLabels();
  const update = useUpdateUnit(unit.id);
  const form = useFormState({
    address: unit.address ?? '',
    phone: unit.phone ?? '',
    email: unit.email ?? '',
  });
  const { values, errors, setField } = form;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.check(
      {
        address: rules.first(values.address, rules.max(LIMITS.address)),
        phone: rules.first(values.phone, rules.max(30)),
        email: rules.first(values.email, rules.email, rules.max(200)),
      },
      event,
    );
    if (!ok) return;
    const clean = (v: string) => v.trim() || null;
    update.mutate(
      { address: clean(values.address), phone: clean(values.phone), email: clean(values.email) },
      { onSuccess: () => onDone({ message: t('unit.edited'), unitId: unit.id, date: asOf }) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError error={update.error} labels={labels} />
        <TextInput
          label={t('unit.address')}
          value={values.address}
          onChange={(e) => setField('address', e.currentTarget.value)}
          error={errors.address}
          maxLength={LIMITS.address}
          autoComplete="street-address"
        />
        <TextInput
          label={t('unit.phone')}
          type="tel"
          inputMode="tel"
          value={values.phone}
          onChange={(e) => setField('phone', e.currentTarget.value)}
          error={errors.phone}
          autoComplete="tel"
        />
        <TextInput
          label={t('unit.email')}
          type="email"
          value={values.email}
          onChange={(e) => setField('email', e.currentTarget.value)}
          error={errors.email}
          autoComplete="email"
        />
        <FormButtons onCancel={onCancel} pending={update.isPending} label={t('common.save')} />
      </Stack>
    </form>
  );
}
