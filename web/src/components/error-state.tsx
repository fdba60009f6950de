import { Alert, Button, Center, Stack } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './use-error-message.ts';

type Props = { error: unknown; onRetry?: () => void; fullPage?: boolean };

/** A failed load: what went wrong, in the server's words, and a way to try again. */
export function ErrorState({ error, onRetry, fullPage = false }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const alert = (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('errors.title')}
      role="alert"
      data-testid="error-state"
      w="100%"
      maw={fullPage ? 480 : undefined}
    >
      <Stack gap="sm" align="flex-start">
        <span>{message(error)}</span>
        {onRetry && (
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={onRetry}
          >
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
  return fullPage ? (
    <Center mih="100dvh" p="md">
      {alert}
    </Center>
  ) : (
    alert
  );
}
