import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Gender, PersonCategory } from '../../../../common/enums.ts';
import { GENDERS, PERSON_CATEGORIES } from '../../../../common/enums.ts';
import { formatNumber } from '../../../../common/format.ts';
import type { ActivityKind } from '../../../../common/planning.ts';
import { ACTIVITY_KINDS, PLANNING_LIMITS } from '../../../../common/planning.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { todayInVietnam } from '../../lib/dates.ts';
import { useFormState } from '../../lib/form.ts';
import { useRules } from '../../lib/validation.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useFeedsText } from './activities-page.tsx';
import { useCreateActivity, useIndicators } from './planning.api.ts';
import { UNIT_PARAM, useUnitParam } from './use-unit-param.ts';

type ParticipantRow = {
  key: number;
  category: PersonCategory;
  sex: Gender | null;
  count: number | string;
};

type Values = {
  unitId: string | null;
  kind: ActivityKind;
  title: string;
  occurredOn: string | null;
  links: string;
  note: string;
  tags: string[];
};

/** /hoat-dong/moi?donVi= — record what the unit did; it counts towards the targets at once. */
export default function ActivityFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rules = useRules();
  const user = useCurrentUser();
  const { unitId } = useUnitParam();
  const create = useCreateActivity();
  const indicators = useIndicators();
  const feedsText = useFeedsText();
  const [submitted, setSubmitted] = useState(false);
  const [groups, setGroups] = useState<ParticipantRow[]>([
    { key: 1, category: 'cadre', sex: null, count: '' },
  ]);
  const form = useFormState<Values>({
    unitId,
    kind: 'training',
    title: '',
    occurredOn: todayInVietnam(),
    links: '',
    note: '',
    tags: [],
  });
  const { values, errors, setField } = form;
  const own = user?.grants.find((g) => g.unitId === unitId);

  // Thematic indicators an activity of this kind may be tagged with.
  const tagOptions = useMemo(
    () =>
      (indicators.data?.items ?? [])
        .filter((i) =>
          i.feed?.some(
            (r) => r.when === 'tagged' && (r.kinds === 'any' || r.kinds.includes(values.kind)),
          ),
        )
        .map((i) => ({ value: i.code, label: i.name })),
    [indicators.data, values.kind],
  );

  const links = values.links
    .split(/\s*\n\s*/)
    .map((l) => l.trim())
    .filter(Boolean);
  const total = groups.reduce((sum, g) => sum + (Number(g.count) || 0), 0);

  const setGroup = (key: number, patch: Partial<ParticipantRow>) =>
    setGroups((prev) => prev.map((g) => (g.key === key ? { ...g, ...patch } : g)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const ok = form.check(
      {
        unitId: values.unitId ? undefined : t('form.requiredChoice'),
        title: rules.first(values.title, rules.required, rules.max(PLANNING_LIMITS.activityTitle)),
        occurredOn: values.occurredOn ? undefined : t('form.invalidDate'),
        links: links.every((l) => /^https?:\/\/\S+$/i.test(l))
          ? undefined
          : t('planning.activities.invalidLink'),
      },
      event,
    );
    if (!ok || !values.unitId || !values.occurredOn) return;
    create.mutate(
      {
        unitId: values.unitId,
        kind: values.kind,
        title: values.title.trim(),
        occurredOn: values.occurredOn,
        participants: groups
          .filter((g) => Number(g.count) > 0)
          .map((g) => ({ category: g.category, sex: g.sex, count: Number(g.count) })),
        evidenceLinks: links,
        indicatorCodes: values.tags.filter((c) => tagOptions.some((o) => o.value === c)),
        note: values.note.trim() || null,
      },
      {
        onSuccess: ({ activity }) => {
          notifications.show({
            color: 'green',
            title: t('planning.activities.saved'),
            message: feedsText(activity.feeds),
            autoClose: 6000,
          });
          void navigate(`/hoat-dong?${UNIT_PARAM}=${activity.unitId}`);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('planning.activities.recordTitle')} />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" maw={760}>
        <form onSubmit={onSubmit} noValidate data-testid="activity-form">
          <Stack gap="md">
            <FormError error={submitted ? create.error : null} />
            <UnitPicker
              label={t('planning.unit')}
              value={values.unitId}
              initial={own ? { id: own.unitId, name: own.unitName } : null}
              onChange={(u) => setField('unitId', u?.id ?? null)}
              asOf={todayInVietnam()}
              error={errors.unitId}
              required
            />
            <Select
              label={t('planning.activities.kind')}
              data={ACTIVITY_KINDS.map((k) => ({
                value: k,
                label: t(`planning.enums.activityKind.${k}`),
              }))}
              value={values.kind}
              onChange={(v) => v && setField('kind', v)}
              allowDeselect={false}
              data-testid="activity-kind"
            />
            <TextInput
              label={t('planning.activities.name')}
              required
              value={values.title}
              onChange={(e) => setField('title', e.currentTarget.value)}
              error={errors.title}
            />
            <DateField
              label={t('planning.activities.date')}
              required
              value={values.occurredOn}
              onChange={(iso) => setField('occurredOn', iso)}
              error={errors.occurredOn}
              maxDate={todayInVietnam()}
            />
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {t('planning.activities.participants')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('planning.activities.participantsHint')}
              </Text>
              {groups.map((g, i) => (
                <Group
                  key={g.key}
                  gap="xs"
                  wrap="nowrap"
                  align="flex-end"
                  data-testid="participant-group"
                >
                  <Select
                    label={i === 0 ? t('people.category') : undefined}
                    aria-label={t('people.category')}
                    data={PERSON_CATEGORIES.map((c) => ({
                      value: c,
                      label: t(`enums.personCategory.${c}`),
                    }))}
                    value={g.category}
                    onChange={(v) => v && setGroup(g.key, { category: v })}
                    allowDeselect={false}
                    style={{ flex: '1 1 40%', minWidth: 0 }}
                  />
                  <Select
                    label={i === 0 ? t('planning.activities.sex') : undefined}
                    aria-label={t('planning.activities.sex')}
                    placeholder={t('planning.activities.anySex')}
                    data={GENDERS.map((s) => ({ value: s, label: t(`enums.gender.${s}`) }))}
                    value={g.sex}
                    onChange={(v) => setGroup(g.key, { sex: v })}
                    clearable
                    style={{ flex: '1 1 30%', minWidth: 0 }}
                  />
                  <NumberInput
                    label={i === 0 ? t('planning.activities.count') : undefined}
                    aria-label={t('planning.activities.count')}
                    value={g.count}
                    onChange={(v) => setGroup(g.key, { count: v })}
                    min={0}
                    max={PLANNING_LIMITS.participantCountMax}
                    allowDecimal={false}
                    thousandSeparator="."
                    decimalSeparator=","
                    style={{ flex: '1 1 25%', minWidth: 64 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('planning.activities.removeGroup')}
                    onClick={() => setGroups((prev) => prev.filter((x) => x.key !== g.key))}
                    mb={6}
                  >
                    <IconX size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group justify="space-between">
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() =>
                    setGroups((prev) => [
                      ...prev,
                      {
                        key: Math.max(0, ...prev.map((g) => g.key)) + 1,
                        category: 'member',
                        sex: null,
                        count: '',
                      },
                    ])
                  }
                  disabled={groups.length >= PLANNING_LIMITS.participantGroups}
                  data-testid="add-participant-group"
                >
                  {t('planning.activities.addGroup')}
                </Button>
                <Text size="sm" fw={500} data-testid="participant-total">
                  {t('planning.activities.total', { n: formatNumber(total) })}
                </Text>
              </Group>
            </Stack>
            {tagOptions.length > 0 && (
              <MultiSelect
                label={t('planning.activities.tags')}
                data={tagOptions}
                value={values.tags}
                onChange={(v) => setField('tags', v)}
                clearable
              />
            )}
            <Textarea
              label={t('planning.activities.evidenceLinks')}
              autosize
              minRows={2}
              value={values.links}
              onChange={(e) => setField('links', e.currentTarget.value)}
              error={errors.links}
            />
            <Textarea
              label={t('planning.activities.note')}
              autosize
              minRows={2}
              value={values.note}
              onChange={(e) => setField('note', e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void navigate(-1)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="activity-save">
                {t('planning.activities.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
