import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state.tsx';
import { FormError } from '../../components/form-error.tsx';
import { isApiError } from '../../lib/api.ts';
import { ConfirmButton } from '../planning/confirm-button.tsx';
import { usePublishContest, useReadiness } from './contests.api.ts';
import type { ContestView, Readiness } from './contests.types.ts';

/** A draft: what still stops it from being published (the server's readiness), and publishing. */
export function PublishCard({ contest }: { contest: ContestView }) {
  const { t } = useTranslation();
  const readiness = useReadiness(contest.id, contest.status === 'draft');
  const publish = usePublishContest();
  // A 409 on publish carries the problems found at that moment.
  const refused = isApiError(publish.error, 'invalid_state')
    ? ((publish.error.details as { problems?: Readiness['problems'] } | undefined)?.problems ??
      null)
    : null;
  const problems = refused ?? readiness.data?.problems ?? [];
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="publish-card">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('contests.form.publishTitle')}
        </Title>
        {readiness.isError && (
          <ErrorState error={readiness.error} onRetry={() => void readiness.refetch()} />
        )}
        {!refused && <FormError error={publish.error} />}
        {problems.length > 0 ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('contests.form.notReady')}
            data-testid="readiness-problems"
          >
            <List size="sm" spacing={4}>
              {problems.map((p, i) => (
                <List.Item key={`${p.code}-${p.categoryId ?? i}`}>{p.message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          readiness.data?.ready && <Text size="sm">{t('contests.form.ready')}</Text>
        )}
        <Group>
          <ConfirmButton
            question={t('contests.form.publishConfirm')}
            onConfirm={() => publish.mutate(contest.id)}
            loading={publish.isPending}
            disabled={!readiness.data?.ready}
            leftSection={<IconSend size={16} aria-hidden />}
            data-testid="publish-contest"
          >
            {t('contests.form.publish')}
          </ConfirmButton>
          <Button
            variant="default"
            onClick={() => void readiness.refetch()}
            loading={readiness.isFetching}
          >
            {t('contests.form.recheck')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
