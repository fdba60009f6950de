import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parsePeriodKey } from '../../../../common/period.ts';
import { api, apiUrl } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import type { UnitResponse } from '../org/org.types.ts';
import type { PlanView } from '../planning/planning.types.ts';
import type {
  CreateReportBody,
  CreateReportTypeBody,
  ProgressResponse,
  RemindResponse,
  ReportDetail,
  ReportSummary,
  ReportTypeView,
  UpdateReportBody,
  WaiveReportBody,
} from './reporting.types.ts';

/** Hooks over /reporting (docs/API.md, "Reporting"). */

export function useReportTypes(planId: string) {
  return useQuery({
    queryKey: queryKeys.reporting.types(planId),
    queryFn: ({ signal }) =>
      api.get<{ items: ReportTypeView[] }>(
        `/reporting/plans/${planId}/report-types`,
        undefined,
        signal,
      ),
  });
}

export function useReportType(id: string | null) {
  return useQuery({
    queryKey: queryKeys.reporting.type(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ reportType: ReportTypeView }>(`/reporting/report-types/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreateReportType(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportTypeBody) =>
      api.post<{ reportType: ReportTypeView }>(`/reporting/plans/${planId}/report-types`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.reporting.all }),
  });
}

/**
 * The report types a unit reports under: those of the issued plans of the unit and of its
 * ancestors that name the unit's kind among their reporters (or belong to the unit's own plan).
 */
export function useOwedReportTypes(unitId: string | null) {
  return useQuery({
    queryKey: queryKeys.reporting.owed(unitId ?? ''),
    enabled: Boolean(unitId),
    queryFn: async ({ signal }) => {
      const { unit } = await api.get<UnitResponse>(
        `/units/${unitId}`,
        { asOf: todayInVietnam() },
        signal,
      );
      const levels = [unit.id, ...unit.ancestors.map((a) => a.id)];
      const plans = (
        await Promise.all(
          levels.map((id) =>
            api
              .get<{ items: PlanView[] }>('/planning/plans', { unitId: id }, signal)
              .then((r) => r.items)
              .catch(() => [] as PlanView[]),
          ),
        )
      )
        .flat()
        .filter((p) => p.status === 'issued');
      const types = (
        await Promise.all(
          plans.map((p) =>
            api
              .get<{ items: ReportTypeView[] }>(
                `/reporting/plans/${p.id}/report-types`,
                undefined,
                signal,
              )
              .then((r) => r.items),
          ),
        )
      ).flat();
      // Periods that ended before the unit existed are not the unit's to report (decision 0005).
      return types
        .filter((type) => type.unitId === unit.id || type.reporterKinds.includes(unit.kind))
        .map((type) => ({
          ...type,
          periods: type.periods.filter(
            (p) => (parsePeriodKey(p.key)?.to ?? p.key) >= unit.establishedOn,
          ),
        }));
    },
  });
}

export function useReports(unitId: string | null) {
  return useQuery({
    queryKey: queryKeys.reporting.reports(unitId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ items: ReportSummary[] }>('/reporting/reports', { unitId }, signal),
    enabled: Boolean(unitId),
  });
}

export function useReport(id: string | null) {
  return useQuery({
    queryKey: queryKeys.reporting.report(id ?? ''),
    queryFn: ({ signal }) => api.get<ReportDetail>(`/reporting/reports/${id}`, undefined, signal),
    enabled: Boolean(id),
    // A draft's table is computed live: read it again whenever the page is opened.
    staleTime: 0,
  });
}

export function useProgress(typeId: string | null, period: string | null, unitId: string | null) {
  return useQuery({
    queryKey: queryKeys.reporting.progress(typeId ?? '', period ?? '', unitId ?? ''),
    queryFn: ({ signal }) =>
      api.get<ProgressResponse>(
        `/reporting/report-types/${typeId}/progress`,
        { period, unitId },
        signal,
      ),
    enabled: Boolean(typeId && period),
    staleTime: 0,
  });
}

/** Every workflow step changes reports, progress and notifications. */
function useInvalidateReporting() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.reporting.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
    ]);
}

export function useCreateReport() {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: (body: CreateReportBody) => api.post<ReportDetail>('/reporting/reports', body),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateReport(id: string) {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: (body: UpdateReportBody) =>
      api.patch<ReportDetail>(`/reporting/reports/${id}`, body),
    onSuccess: () => invalidate(),
  });
}

export function useReportAction(id: string) {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: (input: { action: 'submit' | 'accept' } | { action: 'return'; comment: string }) =>
      api.post<ReportDetail>(
        `/reporting/reports/${id}/${input.action}`,
        input.action === 'return' ? { comment: input.comment } : undefined,
      ),
    onSuccess: () => invalidate(),
  });
}

export function useWaive() {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: (body: WaiveReportBody) => api.post<ReportDetail>('/reporting/waivers', body),
    onSuccess: () => invalidate(),
  });
}

export function useRemind(typeId: string) {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: (body: { period?: string; withinDays?: number }) =>
      api.post<RemindResponse>(`/reporting/report-types/${typeId}/reminders`, body),
    onSuccess: () => invalidate(),
  });
}

export const reportDocxUrl = (id: string) => apiUrl(`/reporting/reports/${id}/export.docx`);
export const reportXlsxUrl = (id: string) => apiUrl(`/reporting/reports/${id}/export.xlsx`);
