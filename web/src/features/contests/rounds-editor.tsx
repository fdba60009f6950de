import { ActionIcon, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { formatDateTime } from './contest-format.ts';
import { useDeleteRound } from './contests.api.ts';
import type { viContests } from './contests.i18n.ts';
import type { ContestView, RoundBody } from './contests.types.ts';
import { weeklyRounds } from './weekly-rounds.ts';

type Props = {
  contest: ContestView | null;
  /** Rounds generated here, added when the form is saved. */
  pending: RoundBody[];
  onPending: (rounds: RoundBody[]) => void;
};

type FormKey = Exclude<keyof typeof viContests.form, 'review' | 'limit' | 'mode'>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A draft's rounds: those stored (removable) and a weekly generator, one topic per week. */
export function RoundsEditor({ contest, pending, onPending }: Props) {
  const { t } = useTranslation();
  const f = (key: FormKey, values?: Record<string, unknown>) => t(`contests.form.${key}`, values);
  const remove = useDeleteRound();
  const [firstDate, setFirstDate] = useState<string | null>(null);
  const [opensAt, setOpensAt] = useState('10:00');
  const [closesAt, setClosesAt] = useState('09:00');
  const [topics, setTopics] = useState<string[]>(['']);
  const stored = contest?.rounds ?? [];
  const valid =
    Boolean(firstDate) && TIME.test(opensAt) && TIME.test(closesAt) && topics.length > 0;

  const generate = () => {
    if (!firstDate || !valid) return;
    const last = Math.max(0, ...stored.map((r) => r.number), ...pending.map((r) => r.number));
    onPending([
      ...pending,
      ...weeklyRounds({ firstDate, opensAt, closesAt, topics, firstNumber: last + 1 }),
    ]);
    setTopics(['']);
  };

  return (
    <Stack gap="sm">
      <Title order={2} fz="h5">
        {t('contests.contest.rounds')}
      </Title>
      <FormError error={remove.error} />
      {[...stored, ...pending].length === 0 && (
        <Text size="sm" c="dimmed">
          {t('contests.contest.noRounds')}
        </Text>
      )}
      {stored.map((round) => (
        <RoundLine
          key={round.id}
          round={round}
          onRemove={() => contest && remove.mutate({ id: contest.id, roundId: round.id })}
        />
      ))}
      {pending.map((round, i) => (
        <RoundLine
          key={`new-${round.number}`}
          round={round}
          isNew
          onRemove={() => onPending(pending.filter((_, j) => j !== i))}
        />
      ))}
      <Stack gap="xs" mt="xs">
        <Text fw={600} size="sm">
          {f('weekly')}
        </Text>
        <Text size="xs" c="dimmed">
          {f('weeklyHint')}
        </Text>
        <Group grow align="flex-start" wrap="wrap">
          <DateField label={f('firstDate')} value={firstDate} onChange={setFirstDate} miw={150} />
          <TextInput
            label={f('opensAt')}
            type="time"
            value={opensAt}
            onChange={(e) => setOpensAt(e.currentTarget.value)}
            miw={130}
          />
          <TextInput
            label={f('closesAt')}
            type="time"
            value={closesAt}
            onChange={(e) => setClosesAt(e.currentTarget.value)}
            miw={130}
          />
        </Group>
        {topics.map((topic, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              aria-label={f('topic', { n: i + 1 })}
              placeholder={f('topic', { n: i + 1 })}
              value={topic}
              maxLength={300}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTopics((prev) => prev.map((x, j) => (j === i ? value : x)));
              }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              disabled={topics.length <= 1}
              onClick={() => setTopics((prev) => prev.filter((_, j) => j !== i))}
              aria-label={`${t('common.remove')} ${f('topic', { n: i + 1 })}`}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group gap="xs">
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setTopics((p) => [...p, ''])}
          >
            {f('addWeek')}
          </Button>
          <Button
            size="xs"
            variant="light"
            disabled={!valid}
            onClick={generate}
            data-testid="generate-rounds"
          >
            {f('generate', { n: topics.length })}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

function RoundLine({
  round,
  isNew,
  onRemove,
}: {
  round: { number: number; topic?: string; opensAt: string; closesAt: string };
  isNew?: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      justify="space-between"
      data-testid={isNew ? 'pending-round' : 'stored-round'}
    >
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} className="px-wrap">
          {t('contests.contest.round', { n: round.number })}
          {round.topic ? ` — ${round.topic}` : ''}
          {isNew ? ` (${t('contests.form.unsaved')})` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {t('contests.contest.window', {
            from: formatDateTime(round.opensAt),
            to: formatDateTime(round.closesAt),
          })}
        </Text>
      </Stack>
      <ActionIcon
        variant="subtle"
        color="red"
        onClick={onRemove}
        aria-label={`${t('common.remove')} ${round.number}`}
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
