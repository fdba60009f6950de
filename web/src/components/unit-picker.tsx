import { Badge, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../common/enums.ts';
import { LIMITS } from '../../../common/limits.ts';
import { foldForSearch } from '../../../common/text.ts';
import { api } from '../lib/api.ts';
import { queryKeys } from '../lib/query-keys.ts';

export type UnitOption = { id: string; name: string };

type SearchItem = UnitOption & { code: string; kind: UnitKind; ancestors: UnitOption[] };

const MIN_QUERY = 2;

/** GET /units/search, shared by the pickers and the tree's search box. */
export function useUnitSearch(q: string, asOf: string, limit = 20) {
  const trimmed = q.trim().slice(0, LIMITS.searchQueryMax);
  return useQuery({
    queryKey: queryKeys.units.search(trimmed, asOf),
    queryFn: ({ signal }) =>
      api.get<{ items: SearchItem[] }>('/units/search', { q: trimmed, asOf, limit }, signal),
    enabled: foldForSearch(trimmed).length >= MIN_QUERY,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
}

/** The name of a unit known only by id (e.g. from the URL). */
function useUnitName(id: string | null, asOf: string, known: boolean) {
  return useQuery({
    queryKey: queryKeys.units.detail(id ?? '', asOf),
    queryFn: ({ signal }) => api.get<{ unit: UnitOption }>(`/units/${id}`, { asOf }, signal),
    enabled: Boolean(id) && !known,
    select: (data) => data.unit.name,
  });
}

type Props = {
  label: string;
  value: string | null;
  onChange: (unit: UnitOption | null) => void;
  asOf: string;
  /** The unit already chosen, so its name shows without a request. */
  initial?: UnitOption | null;
  excludeIds?: string[];
  placeholder?: string;
  description?: string;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  'data-testid'?: string;
};

/** Searchable unit select backed by /units/search (diacritics-insensitive on the server). */
export function UnitPicker(props: Props) {
  const { label, value, onChange, asOf, initial, excludeIds = [], ...rest } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<UnitOption | null>(initial ?? null);
  const [debounced] = useDebouncedValue(search, 250);
  const results = useUnitSearch(debounced, asOf);
  const knownName = picked?.id === value ? picked.name : undefined;
  const lookup = useUnitName(value, asOf, knownName !== undefined);
  const selectedName = knownName ?? lookup.data;

  const items = useMemo(() => results.data?.items ?? [], [results.data]);
  const data = useMemo(() => {
    const options = items
      .filter((item) => !excludeIds.includes(item.id))
      .map((item) => ({ value: item.id, label: item.name }));
    if (value && selectedName && !options.some((o) => o.value === value)) {
      options.unshift({ value, label: selectedName });
    }
    return options;
  }, [items, excludeIds, value, selectedName]);

  const trails = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const tooShort = foldForSearch(search).length < MIN_QUERY;

  return (
    <Select
      label={label}
      searchable
      clearable={rest.clearable}
      required={rest.required}
      placeholder={rest.placeholder ?? t('unitPicker.placeholder')}
      description={rest.description}
      error={rest.error}
      data-testid={rest['data-testid']}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched without diacritics; do not filter again here.
      filter={({ options }) => options}
      onChange={(id, option) => {
        const unit = id && option ? { id, name: option.label } : null;
        setPicked(unit);
        onChange(unit);
      }}
      nothingFoundMessage={tooShort ? t('unitPicker.typeMore') : t('unitPicker.nothingFound')}
      rightSection={results.isFetching ? <Loader size={16} /> : undefined}
      maxDropdownHeight={320}
      renderOption={({ option }) => {
        const item = trails.get(option.value);
        return (
          <Stack gap={0}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{option.label}</Text>
              {item && (
                <Badge size="xs" variant="light" color="gray">
                  {t(`enums.unitKind.${item.kind}`)}
                </Badge>
              )}
            </Group>
            {item && item.ancestors.length > 0 && (
              <Text size="xs" c="dimmed">
                {item.ancestors.map((a) => a.name).join(' › ')}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
