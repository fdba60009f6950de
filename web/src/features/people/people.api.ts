import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, uploadFile } from '../../lib/api.ts';
import type { PeopleFilters } from '../../lib/query-keys.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import type { ImportResult, PeoplePage } from './people.types.ts';

function listParams(filters: Omit<PeopleFilters, 'page' | 'pageSize'>) {
  return { unitId: filters.unitId, q: filters.q?.trim(), category: filters.category };
}

/** GET /people — one page; the previous page stays on screen while the next one loads. */
export function usePeople(filters: PeopleFilters) {
  return useQuery({
    queryKey: queryKeys.people.list(filters),
    queryFn: ({ signal }) =>
      api.get<PeoplePage>(
        '/people',
        { ...listParams(filters), page: filters.page, pageSize: filters.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** The XLSX of the same rows as the list (no paging); a plain link carries the session cookie. */
export function peopleExportUrl(filters: Omit<PeopleFilters, 'page' | 'pageSize'>): string {
  return apiUrl('/people/export', listParams(filters));
}

export const IMPORT_TEMPLATE_URL = apiUrl('/people/import-template');

/** POST /people/import (multipart "file"): all rows or none. */
export function useImportPeople() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (percent: number) => void }) =>
      uploadFile<ImportResult>('/people/import', 'file', file, onProgress),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.people.all });
      // People counts on unit pages.
      void queryClient.invalidateQueries({ queryKey: ['units', 'detail'] });
    },
  });
}
