import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_CATEGORIES } from '../../../../common/enums.ts';
import { LIMITS } from '../../../../common/limits.ts';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { todayInVietnam } from '../../lib/dates.ts';

export type PeopleUrlFilters = { unitId?: string; q?: string; category?: string };

type Props = {
  filters: PeopleUrlFilters;
  onChange: (patch: PeopleUrlFilters) => void;
};

/** Search (diacritics-insensitive on the server), category and unit; each change goes to the URL. */
export function PeopleFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const pushQ = useDebouncedCallback(
    (value: string) => onChange({ q: value.trim() || undefined }),
    350,
  );

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
      <TextInput
        type="search"
        label={t('people.search')}
        placeholder={t('people.searchPlaceholder')}
        value={q}
        maxLength={LIMITS.searchQueryMax}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        leftSection={<IconSearch size={16} aria-hidden />}
        style={{ flex: '2 1 220px' }}
        data-testid="people-search"
      />
      <Select
        label={t('people.category')}
        placeholder={t('people.allCategories')}
        data={PERSON_CATEGORIES.map((c) => ({ value: c, label: t(`enums.personCategory.${c}`) }))}
        value={filters.category ?? null}
        onChange={(category) => onChange({ category: category ?? undefined })}
        clearable
        style={{ flex: '1 1 160px' }}
        data-testid="people-category"
      />
      <div style={{ flex: '2 1 240px', minWidth: 0 }}>
        <UnitPicker
          label={t('people.unit')}
          placeholder={t('people.allUnits')}
          value={filters.unitId ?? null}
          onChange={(unit) => onChange({ unitId: unit?.id })}
          asOf={todayInVietnam()}
          clearable
          data-testid="people-unit"
        />
      </div>
    </Group>
  );
}
