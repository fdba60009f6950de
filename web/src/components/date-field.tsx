import { DateInput } from '@mantine/dates';
import type { DateInputProps } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/vi.js';
import { useTranslation } from 'react-i18next';
import { parseVietnameseDate } from '../../../common/format.ts';

type Props = Omit<DateInputProps, 'value' | 'onChange'> & {
  /** 'YYYY-MM-DD' or null. */
  value: string | null;
  onChange: (iso: string | null) => void;
};

/** Date input typed and shown as dd/mm/yyyy; its value is an ISO date string. */
export function DateField({ value, onChange, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={(text) => parseVietnameseDate(text)}
      placeholder={t('date.placeholder')}
      locale={i18n.language === 'en' ? 'en' : 'vi'}
      firstDayOfWeek={1}
      popoverProps={{ withinPortal: true }}
      {...rest}
      value={value}
      onChange={(next) => onChange(next ? next.slice(0, 10) : null)}
    />
  );
}
