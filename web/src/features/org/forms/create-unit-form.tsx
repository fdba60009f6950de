import { Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../../../common/enums.ts';
import { LIMITS } from '../../../../../common/limits.ts';
import { DateField } from '../../../components/date-field.tsx';
import { FormError } from '../../../components/form-error.tsx';
import { optional, useFormState } from '../../../lib/form.ts';
import { todayInVietnam } from '../../../lib/dates.ts';
import { useRules } from '../../../lib/validation.ts';
import { useCreateUnit } from '../org.api.ts';
import { FormButtons, IdentityFields, useFieldLabels, validateIdentity } from './form-parts.tsx';
import type { Identity } from './form-parts.tsx';
import type { UnitFormProps } from './form-types.ts';

/** The kind a new unit below this one most likely has. */
const CHILD_KIND: Partial<Record<UnitKind, UnitKind>> = {
  province: 'grassroots',
  affiliated: 'grassroots',
  district: 'grassroots',
  grassroots: 'chapter',
};

type Values = Identity & {
  address: string;
  phone: string;
  email: string;
  effectiveDate: string | null;
};

/** POST /units under this unit. */
export function CreateUnitForm({ unit, onDone, onCancel }: UnitFormProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const labels = useFieldLabels();
  const create = useCreateUnit();
  const form = useFormState<Values>({
    code: '',
    name: '',
    shortName: '',
    kind: CHILD_KIND[unit.kind] ?? null,
    wing: unit.wing,
    address: '',
    phone: '',
    email: '',
    effectiveDate: todayInVietnam(),
  });
  const { values, errors, setField } = form;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.check(
      {
        ...validateIdentity(values, rules),
        address: rules.first(values.address, rules.max(LIMITS.address)),
        email: rules.first(values.email, rules.email),
        effectiveDate: rules.first(values.effectiveDate, rules.required),
      },
      event,
    );
    if (!ok || !values.kind || !values.wing || !values.effectiveDate) return;
    const effectiveDate = values.effectiveDate;
    create.mutate(
      {
        parentId: unit.id,
        code: values.code.trim(),
        name: values.name.trim(),
        shortName: values.shortName.trim(),
        kind: values.kind,
        wing: values.wing,
        address: optional(values.address),
        phone: optional(values.phone),
        email: optional(values.email),
        effectiveDate,
      },
      {
        onSuccess: ({ unit: created }) =>
          onDone({
            message: t('unit.created', { name: created.name }),
            unitId: created.id,
            date: effectiveDate,
          }),
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('createUnit.parent', { name: unit.name })}
        </Text>
        <FormError error={create.error} labels={labels} />
        <IdentityFields values={values} errors={errors} onChange={form.patch} />
        <TextInput
          label={t('unit.address')}
          value={values.address}
          onChange={(e) => setField('address', e.currentTarget.value)}
          error={errors.address}
          maxLength={LIMITS.address}
        />
        <TextInput
          label={t('unit.phone')}
          type="tel"
          value={values.phone}
          onChange={(e) => setField('phone', e.currentTarget.value)}
        />
        <TextInput
          label={t('unit.email')}
          type="email"
          value={values.email}
          onChange={(e) => setField('email', e.currentTarget.value)}
          error={errors.email}
        />
        <DateField
          label={t('createUnit.effectiveDate')}
          value={values.effectiveDate}
          onChange={(d) => setField('effectiveDate', d)}
          error={errors.effectiveDate}
          required
        />
        <FormButtons
          onCancel={onCancel}
          pending={create.isPending}
          label={t('createUnit.submit')}
        />
      </Stack>
    </form>
  );
}
