import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../../common/format.ts';
import { ImportErrorsTable } from '../../components/import-errors-table.tsx';
import type { ImportRowError } from './people.types.ts';

/** Rows rendered at most (the server reports up to 1,000); the total is always stated. */
const MAX_SHOWN = 1000;

export function ImportSuccess({ imported, onAgain }: { imported: number; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="xanh"
      variant="light"
      icon={<IconCircleCheck aria-hidden />}
      title={
        <span data-testid="import-success">
          {t('import.success', { n: formatNumber(imported) })}
        </span>
      }
      role="status"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('import.successDescription')}</Text>
        <Group gap="sm">
          <Button component={Link} to="/nguoi">
            {t('import.viewList')}
          </Button>
          <Button variant="default" onClick={onAgain}>
            {t('import.importAnother')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

type FailedProps = {
  message: string;
  errors: ImportRowError[];
  /** Every error in the file, including those the server left out of the list. */
  total: number;
  onAgain: () => void;
};

/** 422 import_failed: nothing was imported; every error with its row and column. */
export function ImportFailed({ message, errors, total, onAgain }: FailedProps) {
  const { t } = useTranslation();
  const shown = errors.slice(0, MAX_SHOWN);
  return (
    <Stack gap="md">
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('import.failedTitle')}
        role="alert"
        data-testid="import-failed"
      >
        {/* The server's own message only when it sent no row-by-row list to explain it. */}
        <Text size="sm">
          {errors.length > 0 ? t('import.failedDescription', { n: formatNumber(total) }) : message}
        </Text>
      </Alert>
      {shown.length > 0 && (
        <ImportErrorsTable errors={shown} testId="import-errors" maxHeight={480} />
      )}
      {total > shown.length && (
        <Text size="sm" c="dimmed">
          {t('import.moreErrors', { n: formatNumber(total - shown.length) })}
        </Text>
      )}
      <Button variant="default" onClick={onAgain} style={{ alignSelf: 'flex-start' }}>
        {t('import.tryAgain')}
      </Button>
    </Stack>
  );
}
