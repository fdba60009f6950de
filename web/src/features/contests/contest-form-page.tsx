import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { FormError } from '../../components/form-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitSwitcher } from '../planning/unit-switcher.tsx';
import { useUnitParam } from '../planning/use-unit-param.ts';
import { useAddRounds, useCategories, useContest, useSaveContest } from './contests.api.ts';
import type { ContestView, RoundBody } from './contests.types.ts';
import type { viContests } from './contests.i18n.ts';
import { PairList } from './pair-list.tsx';
import { RoundsEditor } from './rounds-editor.tsx';

type Settings = Pick<
  ContestView,
  | 'title'
  | 'rules'
  | 'audience'
  | 'reviewPolicy'
  | 'timeLimitKind'
  | 'timeLimitSeconds'
  | 'attemptsPerRound'
  | 'timeMode'
  | 'hasPrediction'
  | 'quotas'
  | 'prizeLadder'
>;

const DEFAULTS: Settings = {
  title: '',
  rules: '',
  audience: 'public',
  reviewPolicy: 'after_round',
  timeLimitKind: 'per_attempt',
  timeLimitSeconds: 600,
  attemptsPerRound: 1,
  timeMode: 'since_round_start',
  hasPrediction: true,
  quotas: [],
  prizeLadder: [],
};
const ATTEMPTS = ['1', '2', '7', 'unlimited'];
type FormKey = Exclude<keyof typeof viContests.form, 'review' | 'limit' | 'mode'>;

/** /cuoc-thi/moi?donVi= and /cuoc-thi/:id/sua — the contest's settings and its weekly rounds. */
export default function ContestFormPage() {
  const { id } = useParams();
  const existing = useContest(id ?? '', Boolean(id));
  if (id && existing.isError)
    return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  if (id && existing.isPending) return <Skeleton height={320} />;
  return <ContestForm key={id ?? 'new'} contest={id ? (existing.data ?? null) : null} />;
}

function ContestForm({ contest }: { contest: ContestView | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const param = useUnitParam();
  const unitId = contest?.unitId ?? param.unitId;
  const categories = useCategories(unitId);
  const save = useSaveContest();
  const addRounds = useAddRounds();
  // Only the settings: the view's other fields (id, status, rounds…) are not part of the body.
  const [form, setForm] = useState<Settings>(() =>
    contest
      ? (Object.fromEntries(
          Object.keys(DEFAULTS).map((k) => [k, contest[k as keyof Settings]]),
        ) as Settings)
      : DEFAULTS,
  );
  const [rounds, setRounds] = useState<RoundBody[]>([]);
  const [checked, setChecked] = useState(false);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  // After publishing, only the wording and prizes may change (the server enforces it too).
  const frozen = contest?.status === 'published';
  const f = (key: FormKey) => t(`contests.form.${key}`);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!unitId || !form.title.trim()) return;
    const timeLimitSeconds = form.timeLimitKind === 'none' ? null : form.timeLimitSeconds;
    const body = frozen
      ? {
          title: form.title,
          rules: form.rules,
          reviewPolicy: form.reviewPolicy,
          prizeLadder: form.prizeLadder,
        }
      : { ...form, timeLimitSeconds, ...(contest ? {} : { unitId }) };
    save.mutate(
      { id: contest?.id ?? null, body },
      {
        onSuccess: ({ contest: saved }) =>
          addRounds.mutate(
            { id: saved.id, rounds },
            { onSuccess: () => void navigate(`/cuoc-thi/${saved.id}`) },
          ),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={contest ? f('editTitle') : f('createTitle')}
        above={
          <Anchor component={Link} to={contest ? `/cuoc-thi/${contest.id}` : '/cuoc-thi'} size="sm">
            ← {t('contests.contest.back')}
          </Anchor>
        }
      />
      <form onSubmit={onSubmit} noValidate data-testid="contest-form">
        <Stack gap="md" maw={760}>
          {!contest && <UnitSwitcher />}
          <FormError error={save.error ?? addRounds.error} />
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Stack gap="sm">
              <TextInput
                label={f('title')}
                value={form.title}
                onChange={(e) => set('title', e.currentTarget.value)}
                maxLength={300}
                required
                error={checked && !form.title.trim() ? t('form.required') : undefined}
              />
              <Textarea
                label={f('rules')}
                value={form.rules}
                onChange={(e) => set('rules', e.currentTarget.value)}
                autosize
                minRows={4}
                maxLength={20000}
              />
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={f('audience')}
                  miw={200}
                  disabled={frozen}
                  allowDeselect={false}
                  value={form.audience}
                  onChange={(v) => v && set('audience', v)}
                  data={(['public', 'members'] as const).map((v) => ({
                    value: v,
                    label: t(`contests.contest.audience.${v}`),
                  }))}
                />
                <Select
                  label={f('reviewPolicy')}
                  miw={200}
                  allowDeselect={false}
                  value={form.reviewPolicy}
                  onChange={(v) => v && set('reviewPolicy', v)}
                  data={(['after_round', 'score_after_submit', 'full_after_submit'] as const).map(
                    (v) => ({
                      value: v,
                      label: t(`contests.form.review.${v}`),
                    }),
                  )}
                />
              </Group>
            </Stack>
          </Paper>

          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Stack gap="sm">
              <Title order={2} fz="h5">
                {f('timing')}
              </Title>
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={f('timeLimitKind')}
                  miw={200}
                  disabled={frozen}
                  allowDeselect={false}
                  value={form.timeLimitKind}
                  onChange={(v) => v && set('timeLimitKind', v)}
                  data={(['per_attempt', 'per_question', 'none'] as const).map((v) => ({
                    value: v,
                    label: t(`contests.form.limit.${v}`),
                  }))}
                />
                {form.timeLimitKind !== 'none' && (
                  <NumberInput
                    label={f('seconds')}
                    miw={160}
                    disabled={frozen}
                    min={5}
                    max={86400}
                    value={form.timeLimitSeconds ?? ''}
                    onChange={(v) => set('timeLimitSeconds', typeof v === 'number' ? v : null)}
                    thousandSeparator="."
                    decimalSeparator=","
                  />
                )}
              </Group>
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={f('attempts')}
                  miw={200}
                  disabled={frozen}
                  allowDeselect={false}
                  value={
                    form.attemptsPerRound === null ? 'unlimited' : String(form.attemptsPerRound)
                  }
                  onChange={(v) =>
                    v && set('attemptsPerRound', v === 'unlimited' ? null : Number(v))
                  }
                  data={ATTEMPTS.map((v) => ({
                    value: v,
                    label: v === 'unlimited' ? f('unlimited') : v,
                  }))}
                />
                <Select
                  label={f('timeMode')}
                  miw={200}
                  disabled={frozen}
                  allowDeselect={false}
                  value={form.timeMode}
                  onChange={(v) => v && set('timeMode', v)}
                  data={(['since_round_start', 'duration'] as const).map((v) => ({
                    value: v,
                    label: t(`contests.form.mode.${v}`),
                  }))}
                />
              </Group>
              <Checkbox
                label={f('prediction')}
                disabled={frozen}
                checked={form.hasPrediction}
                onChange={(e) => set('hasPrediction', e.currentTarget.checked)}
              />
            </Stack>
          </Paper>

          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <PairList
              title={f('quotas')}
              addLabel={f('addQuota')}
              disabled={frozen}
              items={form.quotas.map((q) => ({ key: q.categoryId, count: q.count }))}
              keyLabel={t('contests.editor.category')}
              countLabel={f('questionCount')}
              keyOptions={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              onChange={(items) =>
                set(
                  'quotas',
                  items.map((i) => ({ categoryId: i.key, count: i.count })),
                )
              }
            />
          </Paper>
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <PairList
              title={f('prizes')}
              addLabel={f('addPrize')}
              items={form.prizeLadder.map((p) => ({ key: p.prize, count: p.count }))}
              keyLabel={f('prize')}
              countLabel={f('prizeCount')}
              onChange={(items) =>
                set(
                  'prizeLadder',
                  items.map((i) => ({ prize: i.key, count: i.count })),
                )
              }
            />
          </Paper>
          {!frozen && (
            <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
              <RoundsEditor contest={contest} pending={rounds} onPending={setRounds} />
            </Paper>
          )}
          <Group>
            <Button
              type="submit"
              loading={save.isPending || addRounds.isPending}
              data-testid="save-contest"
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
