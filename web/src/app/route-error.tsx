import { Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/error-state.tsx';

/** What the error boundary shows: the error and a reload (which also fetches a new build). */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Center mih="60dvh" p="md">
      <Stack align="center" maw={480} w="100%">
        <ErrorState error={error} />
        <Button variant="light" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
