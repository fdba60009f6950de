import {
  ActionIcon,
  Alert,
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
import { IconLock, IconPlus, IconX } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Gender, PersonCategory } from '../../../../common/enums.ts';
import { GENDERS, PERSON_CATEGORIES } from '../../../../common/enums.ts';
import { formatNumber } from '../../../../common/format.ts';
import type { ActivityKind } from '../../../../common/planning.ts';
import { ACTIVITY_KINDS, PLANNING_LIMITS } from '../../../../common/planning.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormError } from '../../components/form-error.tsx';
import { NotFoundState } from '../../components/not-found-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSkeleton } from '../../components/page-skeleton.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { isNotFound } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import { useFormState } from '../../lib/form.ts';
import { useRules } from '../../lib/validation.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useFeedsText } from './activities-page.tsx';
import {
  useActivity,
  useCreateActivity,
  useIndicators,
  useUpdateActivity,
} from './planning.api.ts';
import type { ActivityView } from './planning.types.ts';
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

/**
 * /hoat-dong/moi?donVi= — record what the unit did; it counts towards the targets at once.
 * /hoat-dong/:id/sua — correct it (not its unit); what it feeds is re-derived at once.
 */
export default function ActivityFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useActivity(id ?? null);
  if (!id) return <ActivityForm activity={null} />;
  if (existing.isPending) return <PageSkeleton />;
  if (isNotFound(existing.error)) {
    return (
      <NotFoundState
        title={t('planning.activities.notFound')}
        description={t('planning.activities.notFoundDescription')}
      />
    );
  }
  if (existing.isError) {
    return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  }
  const { activity } = existing.data;
  if (!activity.abilities.edit) {
    return (
      <>
        <PageHeader title={t('planning.activities.editTitle')} subtitle={activity.title} />
        <Alert color="gray" icon={<IconLock aria-hidden />} data-testid="activity-readonly">
          {t('planning.activities.cannotEdit')}
        </Alert>
      </>
    );
  }
  return <ActivityForm key={activity.id} activity={activity} />;
}

let nextKey = 1;

function initialGroups(activity: ActivityView | null): ParticipantRow[] {
  if (!activity || activity.participants.length === 0) {
    return [{ key: nextKey++, category: 'cadre', sex: null, count: '' }];
  }
  return activity.participants.map((p) => ({
    key: nextKey++,
    category: p.category as PersonCategory,
    sex: (p.sex as Gender | null) ?? null,
    count: p.count,
  }));
}

function ActivityForm({ activity }: { activity: ActivityView | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rules = useRules();
  const user = useCurrentUser();
  const { unitId } = useUnitParam();
  const create = useCreateActivity();
  const update = useUpdateActivity(activity?.id ?? '');
  const mutation = activity ? update : create;
  const indicators = useIndicators();
  const feedsText = useFeedsText();
  const [submitted, setSubmitted] = useState(false);
  const [groups, setGroups] = useState<ParticipantRow[]>(() => initialGroups(activity));
  const form = useFormState<Values>(() => ({
    unitId: activity?.unitId ?? unitId,
    kind: activity?.kind ?? 'training',
    title: activity?.title ?? '',
    occurredOn: activity?.occurredOn ?? todayInVietnam(),
    links: activity?.evidenceLinks.join('\n') ?? '',
    note: activity?.note ?? '',
    tags: activity?.indicatorCodes ?? [],
  }));
  const { values, errors, setField } = form;
  const own = user?.grants.find((g) => g.unitId === unitId);
  // The server's field names, as the form labels them.
  const fieldLabels: Record<string, string> = {
    occurredOn: t('planning.activities.date'),
    title: t('planning.activities.name'),
    kind: t('planning.activities.kind'),
    indicatorCodes: t('planning.activities.tags'),
    participants: t('planning.activities.participants'),
    evidenceLinks: t('planning.activities.evidenceLinks'),
  };

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
    const fields = {
      kind: values.kind,
      title: values.title.trim(),
      occurredOn: values.occurredOn,
      participants: groups
        .filter((g) => Number(g.count) > 0)
        .map((g) => ({ category: g.category, sex: g.sex, count: Number(g.count) })),
      evidenceLinks: links,
      indicatorCodes: values.tags.filter((c) => tagOptions.some((o) => o.value === c)),
      note: values.note.trim() || null,
    };
    const onSuccess = ({ activity: saved }: { activity: ActivityView }) => {
      notifications.show({
        color: 'green',
        title: t(activity ? 'planning.activities.updated' : 'planning.activities.saved'),
        message: feedsText(saved.feeds),
        autoClose: 6000,
      });
      void navigate(`/hoat-dong?${UNIT_PARAM}=${saved.unitId}`);
    };
    if (activity) update.mutate(fields, { onSuccess });
    else create.mutate({ ...fields, unitId: values.unitId }, { onSuccess });
  };

  return (
    <>
      <PageHeader
        title={t(activity ? 'planning.activities.editTitle' : 'planning.activities.recordTitle')}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" maw={760}>
        <form onSubmit={onSubmit} noValidate data-testid="activity-form">
          <Stack gap="md">
            <FormError error={submitted ? mutation.error : null} labels={fieldLabels} />
            {activity ? (
              <TextInput
                label={t('planning.unit')}
                value={activity.unitName}
                description={t('planning.activities.unitFixed')}
                readOnly
                disabled
              />
            ) : (
              <UnitPicker
                label={t('planning.unit')}
                value={values.unitId}
                initial={own ? { id: own.unitId, name: own.unitName } : null}
                onChange={(u) => setField('unitId', u?.id ?? null)}
                asOf={todayInVietnam()}
                error={errors.unitId}
                required
              />
            )}
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
                        key: nextKey++,
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
              <Button type="submit" loading={mutation.isPending} data-testid="activity-save">
                {t(activity ? 'planning.activities.saveChanges' : 'planning.activities.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
