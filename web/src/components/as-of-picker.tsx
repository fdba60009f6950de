import { Button, Group } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAsOf } from '../lib/use-as-of.ts';
import { DateField } from './date-field.tsx';

/** The "view the organisation on" date, kept in the URL as ?ngay=YYYY-MM-DD. */
export function AsOfPicker() {
  const { t } = useTranslation();
  const { asOf, isToday, setAsOf } = useAsOf();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap" w="100%" maw={360}>
      <DateField
        label={t('asOf.label')}
        value={asOf}
        onChange={(iso) => setAsOf(iso)}
        leftSection={<IconCalendarEvent size={18} aria-hidden />}
        data-testid="as-of-input"
        style={{ flex: '1 1 auto', minWidth: 0 }}
      />
      {!isToday && (
        <Button variant="default" onClick={() => setAsOf(null)}>
          {t('common.today')}
        </Button>
      )}
    </Group>
  );
}
