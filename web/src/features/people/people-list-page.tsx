import { Button, EmptyState, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import {
  IconChevronLeft,
  IconChevronRight,
  IconDownload,
  IconFileSpreadsheet,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PERSON_CATEGORIES } from '../../../../common/enums.ts';
import { LIMITS } from '../../../../common/limits.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { useCanEditSomewhere } from '../auth/auth.api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { peopleExportUrl, usePeople } from './people.api.ts';
import { PeopleFilters } from './people-filters.tsx';
import type { PeopleUrlFilters } from './people-filters.tsx';
import { PeopleTable } from './people-table.tsx';

/** URL parameters: ?donVi=<unit id>&q=<text>&doiTuong=<category>&trang=<page, from 1>. */
const PARAM = { unitId: 'donVi', q: 'q', category: 'doiTuong', page: 'trang' } as const;

function readFilters(params: URLSearchParams): PeopleUrlFilters & { page: number } {
  const category = params.get(PARAM.category) ?? undefined;
  const page = Number(params.get(PARAM.page) ?? '1');
  return {
    unitId: params.get(PARAM.unitId) || undefined,
    q: params.get(PARAM.q)?.slice(0, LIMITS.searchQueryMax) || undefined,
    category: PERSON_CATEGORIES.find((c) => c === category),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** /nguoi: people of the actor's subtrees, filtered, paged, exportable. */
export default function PeopleListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [filtersKey, setFiltersKey] = useState(0);
  const canImport = useCanEditSomewhere();
  const { page, ...filters } = readFilters(params);
  const query = usePeople({ ...filters, page, pageSize: LIMITS.pageSizeDefault });
  const filtered = Boolean(filters.unitId || filters.q || filters.category);

  const update = (patch: PeopleUrlFilters & { page?: number }) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          const name = PARAM[key as keyof typeof PARAM];
          if (value === undefined || value === '' || (key === 'page' && value === 1))
            next.delete(name);
          else next.set(name, String(value));
        }
        // Any filter change starts again from the first page.
        if (!('page' in patch)) next.delete(PARAM.page);
        return next;
      },
      { replace: !('page' in patch) },
    );

  const goToPage = (next: number) => {
    update({ page: next });
    window.scrollTo({ top: 0 });
  };

  const clearFilters = () => {
    setParams(new URLSearchParams(), { replace: true });
    setFiltersKey((k) => k + 1);
  };

  return (
    <>
      <PageHeader
        title={t('people.title')}
        subtitle={t('people.subtitle')}
        actions={
          <>
            <Button
              component="a"
              href={peopleExportUrl(filters)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="people-export"
            >
              {t('people.export')}
            </Button>
            {canImport && (
              <Button
                component={Link}
                to="/nguoi/nhap"
                variant="light"
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              >
                {t('people.import')}
              </Button>
            )}
          </>
        }
      />
      <PeopleFilters key={filtersKey} filters={filters} onChange={update} />
      {query.isPending && (
        <Stack gap="xs" role="status" aria-label={t('app.loading')}>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height={44} />
          ))}
        </Stack>
      )}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.items.length === 0 && (
        <Paper withBorder py="xl">
          <EmptyState
            icon={<IconUsers aria-hidden />}
            title={filtered ? t('people.emptyFiltered') : t('people.empty')}
            description={t('people.emptyDescription')}
          >
            {filtered && (
              <EmptyState.Actions>
                <Button variant="light" onClick={clearFilters}>
                  {t('people.clearFilters')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Paper>
      )}
      {query.data && query.data.items.length > 0 && (
        <Stack gap="md" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <PeopleTable people={query.data.items} />
          <Group
            justify="space-between"
            wrap="nowrap"
            gap="xs"
            component="nav"
            aria-label={t('people.paging')}
          >
            <Button
              variant="default"
              leftSection={<IconChevronLeft size={16} aria-hidden />}
              disabled={page <= 1}
              onClick={() => goToPage(page - 1)}
            >
              {t('common.previous')}
            </Button>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('common.page', { page })}
            </Text>
            <Button
              variant="default"
              rightSection={<IconChevronRight size={16} aria-hidden />}
              disabled={!query.data.hasMore || query.isPlaceholderData}
              onClick={() => goToPage(page + 1)}
            >
              {t('common.nextPage')}
            </Button>
          </Group>
        </Stack>
      )}
    </>
  );
}
