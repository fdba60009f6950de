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
  planning: {
    all: ['planning'] as const,
    plans: (unitId: string) => ['planning', 'plans', unitId] as const,
    toImplement: (unitId: string) => ['planning', 'to-implement', unitId] as const,
    plan: (id: string) => ['planning', 'plan', id] as const,
    attachments: (planId: string) => ['planning', 'attachments', planId] as const,
    indicators: ['planning-catalogue', 'indicators'] as const,
    activities: (unitId: string, page: number) => ['planning', 'activities', unitId, page] as const,
    activity: (id: string) => ['planning', 'activity', id] as const,
    values: (unitId: string, indicatorCode: string, period: string) =>
      ['planning', 'values', unitId, indicatorCode, period] as const,
    dashboard: (unitId: string) => ['planning', 'dashboard', unitId] as const,
    rollup: (unitId: string, indicatorCode: string, period: string, category: string) =>
      ['planning', 'rollup', unitId, indicatorCode, period, category] as const,
  },
  reporting: {
    all: ['reporting'] as const,
    types: (planId: string) => ['reporting', 'types', planId] as const,
    type: (id: string) => ['reporting', 'type', id] as const,
    reports: (unitId: string) => ['reporting', 'reports', unitId] as const,
    report: (id: string) => ['reporting', 'report', id] as const,
    progress: (typeId: string, period: string, unitId: string) =>
      ['reporting', 'progress', typeId, period, unitId] as const,
    owed: (unitId: string) => ['reporting', 'owed', unitId] as const,
  },
  notifications: ['notifications'] as const,
};
