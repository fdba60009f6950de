import { Button, Group, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, WINGS } from '../../../../../common/enums.ts';
import type { UnitKind, Wing } from '../../../../../common/enums.ts';
import { LIMITS } from '../../../../../common/limits.ts';
import { DateField } from '../../../components/date-field.tsx';
import type { FieldErrors } from '../../../lib/form.ts';
import type { useRules } from '../../../lib/validation.ts';

type Rules = ReturnType<typeof useRules>;

/** Effective date and reason, required by every restructuring. */
export type Dated = { effectiveDate: string | null; reason: string };

export function validateDated(values: Dated, rules: Rules): FieldErrors<Dated> {
  return {
    effectiveDate: rules.first(values.effectiveDate, rules.required),
    reason: rules.first(values.reason, rules.required, rules.max(LIMITS.reason)),
  };
}

type PartProps<T> = {
  values: T;
  errors: FieldErrors<T>;
  onChange: (patch: Partial<T>) => void;
};

export function DatedFields({ values, errors, onChange }: PartProps<Dated>) {
  const { t } = useTranslation();
  return (
    <>
      <DateField
        label={t('restructure.effectiveDate')}
        description={t('restructure.effectiveDateHint')}
        value={values.effectiveDate}
        onChange={(effectiveDate) => onChange({ effectiveDate })}
        error={errors.effectiveDate}
        required
      />
      <Textarea
        label={t('restructure.reason')}
        value={values.reason}
        onChange={(e) => onChange({ reason: e.currentTarget.value })}
        error={errors.reason}
        maxLength={LIMITS.reason}
        autosize
        minRows={2}
        maxRows={6}
        required
      />
    </>
  );
}

/** Code, names, kind (and wing) of a unit being created by a restructuring. */
export type Identity = {
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind | null;
  wing: Wing | null;
};

export function validateIdentity(
  values: Identity,
  rules: Rules,
  withWing = true,
): FieldErrors<Identity> {
  return {
    code: rules.first(values.code, rules.required, rules.max(LIMITS.unitCode), rules.code),
    name: rules.first(values.name, rules.required, rules.max(LIMITS.unitName)),
    shortName: rules.first(values.shortName, rules.required, rules.max(LIMITS.shortName)),
    kind: rules.first(values.kind, rules.requiredChoice),
    wing: withWing ? rules.first(values.wing, rules.requiredChoice) : undefined,
  };
}

export function IdentityFields({
  values,
  errors,
  onChange,
  withWing = true,
}: PartProps<Identity> & { withWing?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('unit.code')}
          value={values.code}
          onChange={(e) => onChange({ code: e.currentTarget.value })}
          error={errors.code}
          maxLength={LIMITS.unitCode}
          autoCapitalize="characters"
          spellCheck={false}
          required
        />
        <TextInput
          label={t('unit.shortName')}
          value={values.shortName}
          onChange={(e) => onChange({ shortName: e.currentTarget.value })}
          error={errors.shortName}
          maxLength={LIMITS.shortName}
          required
        />
      </SimpleGrid>
      <TextInput
        label={t('unit.name')}
        value={values.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        error={errors.name}
        maxLength={LIMITS.unitName}
        required
      />
      <SimpleGrid cols={{ base: 1, xs: withWing ? 2 : 1 }} spacing="sm">
        <Select
          label={t('unit.kind')}
          data={UNIT_KINDS.map((k) => ({ value: k, label: t(`enums.unitKind.${k}`) }))}
          value={values.kind}
          onChange={(kind) => onChange({ kind: kind })}
          error={errors.kind}
          allowDeselect={false}
          required
        />
        {withWing && (
          <Select
            label={t('unit.wing')}
            data={WINGS.map((w) => ({ value: w, label: t(`enums.wing.${w}`) }))}
            value={values.wing}
            onChange={(wing) => onChange({ wing: wing })}
            error={errors.wing}
            allowDeselect={false}
            required
          />
        )}
      </SimpleGrid>
    </>
  );
}

export function FormButtons({
  onCancel,
  pending,
  label,
}: {
  onCancel: () => void;
  pending: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="xs">
      <Button variant="default" onClick={onCancel} disabled={pending}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {label ?? t('restructure.submit')}
      </Button>
    </Group>
  );
}

/** Readable names for the request fields the server may name in validation details. */
export function useFieldLabels(): Record<string, string> {
  const { t } = useTranslation();
  const identity = {
    code: t('unit.code'),
    name: t('unit.name'),
    shortName: t('unit.shortName'),
    kind: t('unit.kind'),
    wing: t('unit.wing'),
  };
  return {
    ...identity,
    ...Object.fromEntries(Object.entries(identity).map(([k, v]) => [`target.${k}`, v])),
    address: t('unit.address'),
    phone: t('unit.phone'),
    email: t('unit.email'),
    effectiveDate: t('restructure.effectiveDate'),
    reason: t('restructure.reason'),
    parentId: t('unit.parent'),
    newParentId: t('restructure.move.newParent'),
    successorId: t('restructure.close.successor'),
    sourceIds: t('restructure.merge.sources'),
  };
}
