import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, uploadFile } from '../../lib/api.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import type {
  ActivityPage,
  ActivityView,
  AttachmentView,
  CreateActivityBody,
  CreatePlanBody,
  CreateTargetBody,
  CreateTaskBody,
  DashboardResponse,
  IndicatorView,
  PlanDetail,
  PlanView,
  PutValuesBody,
  RollupResponse,
  TargetView,
  TaskView,
  ToImplementPlan,
  UpdateActivityBody,
  UpdatePlanBody,
  UpdateTargetBody,
  UpdateTaskBody,
  ValuesResponse,
} from './planning.types.ts';

/** Hooks over /planning (docs/API.md, "Planning"). */

export function usePlans(unitId: string | null) {
  return useQuery({
    queryKey: queryKeys.planning.plans(unitId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: PlanView[] }>('/planning/plans', { unitId }, signal),
    enabled: Boolean(unitId),
  });
}

export function useToImplement(unitId: string | null) {
  return useQuery({
    queryKey: queryKeys.planning.toImplement(unitId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ items: ToImplementPlan[] }>('/planning/plans/to-implement', { unitId }, signal),
    enabled: Boolean(unitId),
  });
}

export function usePlan(id: string | null) {
  return useQuery({
    queryKey: queryKeys.planning.plan(id ?? ''),
    queryFn: ({ signal }) => api.get<PlanDetail>(`/planning/plans/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useIndicators() {
  return useQuery({
    queryKey: queryKeys.planning.indicators,
    queryFn: ({ signal }) =>
      api.get<{ items: IndicatorView[] }>('/planning/indicators', undefined, signal),
    staleTime: Infinity,
  });
}

/** Any write to plans, targets, tasks, activities or values: every planning view is refreshed,
 * and draft reports too (their indicator tables are computed live). */
function useInvalidatePlanning() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.planning.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.reporting.all }),
    ]);
}

export function useCreatePlan() {
  const invalidate = useInvalidatePlanning();
  return useMutation({
    mutationFn: (body: CreatePlanBody) => api.post<PlanDetail>('/planning/plans', body),
    onSuccess: () => invalidate(),
  });
}

export function useUpdatePlan(id: string) {
  const invalidate = useInvalidatePlanning();
  return useMutation({
    mutationFn: (body: UpdatePlanBody) => api.patch<PlanDetail>(`/planning/plans/${id}`, body),
    onSuccess: () => invalidate(),
  });
}

export function usePlanTransition(id: string) {
  const invalidate = useInvalidatePlanning();
  return useMutation({
    mutationFn: (action: 'issue' | 'close') =>
      api.post<PlanDetail>(`/planning/plans/${id}/${action}`),
    onSuccess: () => invalidate(),
  });
}

export function useSaveTarget(planId: string) {
  const invalidate = useInvalidatePlanning();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateTargetBody } | { body: CreateTargetBody }) =>
      'id' in input
        ? api.patch<{ target: TargetView }>(`/planning/targets/${input.id}`, input.body)
        : api.post<{ target: TargetView }>(`/planning/plans/${planId}/targets`, input.body),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteTarget() {
  const invalidate = useInvalidatePlanning();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/planning/targets/${id}`),
    onSuccess: () => invalidate(),
  });
}

export function useSaveTask(planId: string) {
  const invalidate = useInvalidatePlanning();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateTaskBody } | { body: CreateTaskBody }) =>
      'id' in input
        ? api.patch<{ task: TaskView }>(`/planning/tasks/${input.id}`, input.body)
        : api.post<{ task: TaskView }>(`/planning/plans/${planId}/tasks`, input.body),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteTask() {
  const invalidate = useInvalidatePlanning();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/planning/tasks/${id}`),
    onSuccess: () => invalidate(),
  });
}

export function useAttachments(planId: string) {
  return useQuery({
    queryKey: queryKeys.planning.attachments(planId),
    queryFn: ({ signal }) =>
      api.get<{ items: AttachmentView[] }>(
        `/planning/plans/${planId}/attachments`,
        undefined,
        signal,
      ),
  });
}

export function useUploadAttachment(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (percent: number) => void }) =>
      uploadFile<{ attachment: AttachmentView }>(
        `/planning/plans/${planId}/attachments`,
        'file',
        file,
        onProgress,
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.planning.attachments(planId) }),
  });
}

export function useDeleteAttachment(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/planning/attachments/${id}`),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.planning.attachments(planId) }),
  });
}

export const attachmentUrl = (id: string) => apiUrl(`/planning/attachments/${id}`);
export const planDocxUrl = (planId: string) => apiUrl(`/reporting/plans/${planId}/export.docx`);

export function useActivities(unitId: string | null, page: number) {
  return useQuery({
    queryKey: queryKeys.planning.activities(unitId ?? '', page),
    queryFn: ({ signal }) =>
      api.get<ActivityPage>('/planning/activities', { unitId, page, pageSize: 20 }, signal),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
  });
}

export function useCreateActivity() {
  const invalidate = useInvalidatePlanning();
  return useMutation({
    mutationFn: (body: CreateActivityBody) =>
      api.post<{ activity: ActivityView }>('/planning/activities', body),
    onSuccess: () => invalidate(),
  });
}

export function useActivity(id: string | null) {
  return useQuery({
    queryKey: queryKeys.planning.activity(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ activity: ActivityView }>(`/planning/activities/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useUpdateActivity(id: string) {
  const invalidate = useInvalidatePlanning();
  return useMutation({
    mutationFn: (body: UpdateActivityBody) =>
      api.patch<{ activity: ActivityView }>(`/planning/activities/${id}`, body),
    onSuccess: () => invalidate(),
  });
}

/** The unit's own entries for one indicator and period (not those derived from activities). */
export function useValues(unitId: string | null, indicatorCode: string | null, period: string) {
  return useQuery({
    queryKey: queryKeys.planning.values(unitId ?? '', indicatorCode ?? '', period),
    queryFn: ({ signal }) =>
      api.get<ValuesResponse>(
        '/planning/values',
        { unitId, indicatorCode, period: period || undefined },
        signal,
      ),
    enabled: Boolean(unitId && indicatorCode),
  });
}

export function usePutValues() {
  const invalidate = useInvalidatePlanning();
  return useMutation({
    mutationFn: (body: PutValuesBody) => api.put<ValuesResponse>('/planning/values', body),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteActivity() {
  const invalidate = useInvalidatePlanning();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/planning/activities/${id}`),
    onSuccess: () => invalidate(),
  });
}

/** Live: computed by the server at every request, so it is never served from a stale cache. */
export function useDashboard(unitId: string | null) {
  return useQuery({
    queryKey: queryKeys.planning.dashboard(unitId ?? ''),
    queryFn: ({ signal }) => api.get<DashboardResponse>('/planning/dashboard', { unitId }, signal),
    enabled: Boolean(unitId),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

export function useRollups(
  unitId: string,
  indicatorCode: string,
  periods: string[],
  category: string | null,
  enabled: boolean,
) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [
      ...queryKeys.planning.rollup(unitId, indicatorCode, periods.join(','), category ?? ''),
    ],
    queryFn: ({ signal }) =>
      Promise.all(
        periods.map((period) =>
          queryClient.fetchQuery({
            queryKey: queryKeys.planning.rollup(unitId, indicatorCode, period, category ?? ''),
            queryFn: () =>
              api.get<RollupResponse>(
                '/planning/rollup',
                { unitId, indicatorCode, period, category },
                signal,
              ),
          }),
        ),
      ),
    enabled,
  });
}
