import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../planning/confirm-button.tsx';
import type { QuestionView } from './contests.types.ts';

type CardProps = {
  question: QuestionView;
  path: string;
  canEdit: boolean;
  onEdit: () => void;
  onArchive: () => void;
};

/** One question of the bank: its category path, options with the key, badges and actions. */
export function QuestionCard({ question: q, path, canEdit, onEdit, onArchive }: CardProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="question-card">
      <Stack gap={6}>
        <Text size="xs" c="dimmed" className="px-wrap">
          {path}
        </Text>
        <Text fw={500} className="px-wrap">
          {q.text}
        </Text>
        <Stack gap={2}>
          {q.options.map((o, i) => (
            <Text
              key={o.id}
              size="sm"
              c={o.correct ? 'xanh' : undefined}
              fw={o.correct ? 600 : undefined}
              className="px-wrap"
            >
              {String.fromCharCode(65 + i)}. {o.text}
              {o.correct ? ' ✓' : ''}
            </Text>
          ))}
        </Stack>
        <Group gap={6} wrap="wrap">
          <Badge variant="light" size="sm">
            {t(`contests.kind.${q.kind}`)}
          </Badge>
          <Badge variant="outline" color="gray" size="sm">
            {t('contests.bank.difficulty', { n: q.difficulty })}
          </Badge>
          <Badge variant="outline" color="gray" size="sm">
            {t('contests.bank.version', { n: q.version })}
          </Badge>
          {q.locked && (
            <Badge variant="light" color="yellow" size="sm">
              {t('contests.bank.used')}
            </Badge>
          )}
          {q.archived && (
            <Badge variant="light" color="gray" size="sm">
              {t('contests.bank.archived')}
            </Badge>
          )}
          {q.tags.map((tag) => (
            <Badge key={tag} variant="dot" color="gray" size="sm">
              {tag}
            </Badge>
          ))}
        </Group>
        {canEdit && !q.archived && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={onEdit}>
              {t('contests.bank.edit')}
            </Button>
            <ConfirmButton
              size="xs"
              variant="subtle"
              color="red"
              question={t('contests.bank.archiveConfirm')}
              onConfirm={onArchive}
            >
              {t('contests.bank.archive')}
            </ConfirmButton>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
