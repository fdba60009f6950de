import { ActionIcon, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { UnitPicker } from '../../../components/unit-picker.tsx';
import type { UnitOption } from '../../../components/unit-picker.tsx';
import { todayInVietnam } from '../../../lib/dates.ts';
import { useFormState } from '../../../lib/form.ts';
import { useRules } from '../../../lib/validation.ts';
import { useRestructure } from '../org.api.ts';
import {
  DatedFields,
  FormButtons,
  IdentityFields,
  useFieldLabels,
  validateDated,
  validateIdentity,
} from './form-parts.tsx';
import type { Dated, Identity } from './form-parts.tsx';
import type { UnitFormProps } from './form-types.ts';
import { useRestructureResult } from './use-restructure-result.ts';

type Values = Dated & Identity & { sources: UnitOption[]; parent: UnitOption | null };

/** POST /restructure/merge: this unit and others become one new unit. */
export function MergeForm({ unit, asOf, onDone, onCancel }: UnitFormProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const labels = useFieldLabels();
  const merge = useRestructure('merge');
  const result = useRestructureResult();
  const parent = unit.ancestors[unit.ancestors.length - 1] ?? null;
  const form = useFormState<Values>({
    sources: [{ id: unit.id, name: unit.name }],
    parent: parent ? { id: parent.id, name: parent.name } : null,
    code: '',
    name: '',
    shortName: '',
    kind: unit.kind,
    wing: unit.wing,
    effectiveDate: todayInVietnam(),
    reason: '',
  });
  const { values, errors } = form;
  const [pickerKey, setPickerKey] = useState(0);

  const addSource = (option: UnitOption | null) => {
    if (option && !values.sources.some((s) => s.id === option.id)) {
      form.patch({ sources: [...values.sources, option] });
    }
    setPickerKey((k) => k + 1);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.check(
      {
        ...validateIdentity(values, rules),
        ...validateDated(values, rules),
        sources: values.sources.length < 2 ? t('restructure.merge.needTwo') : undefined,
      },
      event,
    );
    if (!ok || !values.kind || !values.wing || !values.effectiveDate) return;
    merge.mutate(
      {
        sourceIds: values.sources.map((s) => s.id),
        target: {
          code: values.code.trim(),
          name: values.name.trim(),
          shortName: values.shortName.trim(),
          kind: values.kind,
          wing: values.wing,
        },
        parentId: values.parent?.id,
        effectiveDate: values.effectiveDate,
        reason: values.reason.trim(),
      },
      { onSuccess: ({ event: e }) => onDone(result(e, { role: 'target' })) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('restructure.merge.description')}
        </Text>
        <FormError error={merge.error} labels={labels} />
        <Paper withBorder p="sm">
          <Text size="sm" fw={500} mb={6}>
            {t('restructure.merge.sources')}
          </Text>
          <Stack gap={4} mb="xs" data-testid="merge-sources">
            {values.sources.map((s) => (
              <Group key={s.id} gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" className="px-wrap">
                  {s.name}
                </Text>
                {s.id !== unit.id && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`${t('common.remove')} ${s.name}`}
                    onClick={() =>
                      form.patch({ sources: values.sources.filter((x) => x.id !== s.id) })
                    }
                  >
                    <IconX size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
          <UnitPicker
            key={pickerKey}
            label={t('unitPicker.add')}
            value={null}
            onChange={addSource}
            asOf={asOf}
            excludeIds={values.sources.map((s) => s.id)}
            error={errors.sources}
          />
        </Paper>
        <Divider label={t('restructure.merge.target')} labelPosition="left" />
        <IdentityFields values={values} errors={errors} onChange={form.patch} />
        <UnitPicker
          label={t('restructure.merge.parent')}
          value={values.parent?.id ?? null}
          initial={values.parent}
          onChange={(p) => form.patch({ parent: p })}
          asOf={asOf}
          excludeIds={values.sources.map((s) => s.id)}
          clearable
        />
        <DatedFields values={values} errors={errors} onChange={form.patch} />
        <FormButtons onCancel={onCancel} pending={merge.isPending} />
      </Stack>
    </form>
  );
}
