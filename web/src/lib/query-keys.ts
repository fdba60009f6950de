/**
 * Query keys, one factory per server module. Keys nest so that a mutation can invalidate a whole
 * family (every unit query, every people list) with one prefix.
 */
export type PeopleFilters = {
  unitId?: string;
  q?: string;
  category?: string;
  page: number;
  pageSize: number;
};

export const queryKeys = {
  me: ['auth', 'me'] as const,
  units: {
    all: ['units'] as const,
    roots: (asOf: string) => ['units', 'roots', asOf] as const,
    children: (id: string, asOf: string) => ['units', 'children', id, asOf] as const,
    search: (q: string, asOf: string) => ['units', 'search', q, asOf] as const,
    detail: (id: string, asOf: string) => ['units', 'detail', id, asOf] as const,
    /** Every as-of date of one unit's detail. */
    detailAll: (id: string) => ['units', 'detail', id] as const,
    history: (id: string) => ['units', 'history', id] as const,
  },
  people: {
    all: ['people'] as const,
    list: (filters: PeopleFilters) => ['people', 'list', filters] as const,
  },
};
