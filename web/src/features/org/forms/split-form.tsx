import { ActionIcon, Button, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../../../common/enums.ts';
import { FormError } from '../../../components/form-error.tsx';
import { todayInVietnam } from '../../../lib/dates.ts';
import type { FieldErrors } from '../../../lib/form.ts';
import { focusFirstInvalid, useFormState } from '../../../lib/form.ts';
import { useRules } from '../../../lib/validation.ts';
import { useChildren, useRestructure } from '../org.api.ts';
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

type Target = Identity & { childIds: string[] };

const MIN_TARGETS = 2;

function emptyTarget(kind: UnitKind): Target {
  return { code: '', name: '', shortName: '', kind, wing: null, childIds: [] };
}

/** POST /restructure/split: this unit closes and two or more new units take its place. */
export function SplitForm({ unit, asOf, onDone, onCancel }: UnitFormProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const labels = useFieldLabels();
  const split = useRestructure('split');
  const result = useRestructureResult();
  const children = useChildren(unit.id, asOf, unit.childCount > 0);
  const dated = useFormState<Dated>({ effectiveDate: todayInVietnam(), reason: '' });
  const [targets, setTargets] = useState<Target[]>(() => [
    emptyTarget(unit.kind),
    emptyTarget(unit.kind),
  ]);
  const [targetErrors, setTargetErrors] = useState<FieldErrors<Identity>[]>([]);

  const patchTarget = (index: number, patch: Partial<Target>) => {
    setTargets((all) => all.map((target, i) => (i === index ? { ...target, ...patch } : target)));
    setTargetErrors((all) => all.map((errors, i) => (i === index ? {} : errors)));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const perTarget = targets.map((target) => validateIdentity(target, rules, false));
    setTargetErrors(perTarget);
    const datedOk = dated.check(validateDated(dated.values, rules), event);
    const targetsOk = perTarget.every((errors) => Object.values(errors).every((e) => !e));
    if (!targetsOk) focusFirstInvalid(event);
    if (!datedOk || !targetsOk || !dated.values.effectiveDate) return;
    split.mutate(
      {
        sourceId: unit.id,
        targets: targets.map((target) => ({
          code: target.code.trim(),
          name: target.name.trim(),
          shortName: target.shortName.trim(),
          kind: target.kind ?? unit.kind,
          childIds: target.childIds,
        })),
        effectiveDate: dated.values.effectiveDate,
        reason: dated.values.reason.trim(),
      },
      { onSuccess: ({ event: e }) => onDone(result(e, { role: 'target' })) },
    );
  };

  const childOptions = (index: number) => {
    const takenElsewhere = new Set(
      targets.flatMap((target, i) => (i === index ? [] : target.childIds)),
    );
    return (children.data?.items ?? [])
      .filter((child) => !takenElsewhere.has(child.id))
      .map((child) => ({ value: child.id, label: child.name }));
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('restructure.split.description')}
        </Text>
        <FormError error={split.error} labels={labels} />
        {targets.map((target, index) => (
          <Paper key={index} withBorder p="sm" component="fieldset" m={0}>
            <Group justify="space-between" mb={4} wrap="nowrap">
              <Text component="legend" fw={600} size="sm" p={0}>
                {t('restructure.split.target', { n: index + 1 })}
              </Text>
              {targets.length > MIN_TARGETS && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('restructure.split.removeTarget', { n: index + 1 })}
                  onClick={() => {
                    setTargets((all) => all.filter((_, i) => i !== index));
                    setTargetErrors((all) => all.filter((_, i) => i !== index));
                  }}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
            <Stack gap="sm">
              <IdentityFields
                values={target}
                errors={targetErrors[index] ?? {}}
                onChange={(patch) => patchTarget(index, patch)}
                withWing={false}
              />
              {unit.childCount > 0 && (
                <MultiSelect
                  label={t('restructure.split.children')}
                  placeholder={t('restructure.split.childrenPlaceholder')}
                  data={childOptions(index)}
                  value={target.childIds}
                  onChange={(childIds) => patchTarget(index, { childIds })}
                  searchable
                  clearable
                />
              )}
            </Stack>
          </Paper>
        ))}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setTargets((all) => [...all, emptyTarget(unit.kind)])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('restructure.split.addTarget')}
        </Button>
        <DatedFields values={dated.values} errors={dated.errors} onChange={dated.patch} />
        <FormButtons onCancel={onCancel} pending={split.isPending} />
      </Stack>
    </form>
  );
}
