import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type {
  AttachTestFields,
  BankCategory,
  CompletionStatus,
  CompletionsView,
  CourseDetail,
  CourseFields,
  CourseSummary,
  LessonFields,
  LessonView,
  PublicCourse,
} from './courses.types.ts';

/** Hooks over /courses and /public/courses (docs/API.md, "Courses"). */

export const courseKeys = {
  all: ['courses'] as const,
  list: (unitId: string) => ['courses', 'list', unitId] as const,
  detail: (id: string) => ['courses', 'detail', id] as const,
  completions: (id: string) => ['courses', 'completions', id] as const,
  categories: (unitId: string) => ['courses', 'bank', unitId] as const,
  public: (id: string) => ['courses', 'public', id] as const,
  status: (contestId: string) => ['courses', 'status', contestId] as const,
};

export function useCourses(unitId: string | null) {
  return useQuery({
    queryKey: courseKeys.list(unitId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: CourseSummary[] }>('/courses', { unitId }, signal),
    enabled: Boolean(unitId),
  });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: courseKeys.detail(id),
    queryFn: ({ signal }) => api.get<{ course: CourseDetail }>(`/courses/${id}`, undefined, signal),
  });
}

export function useCompletions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: courseKeys.completions(id),
    queryFn: ({ signal }) =>
      api.get<CompletionsView>(`/courses/${id}/completions`, undefined, signal),
    enabled,
  });
}

export function useBankCategories(unitId: string) {
  return useQuery({
    queryKey: courseKeys.categories(unitId),
    queryFn: ({ signal }) =>
      api.get<{ items: BankCategory[] }>('/contest-bank/categories', { unitId }, signal),
  });
}

export function useCreateCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CourseFields> & { unitId: string; title: string }) =>
      api.post<{ course: CourseSummary }>('/courses', body),
    onSuccess: () => client.invalidateQueries({ queryKey: courseKeys.all }),
  });
}

/** Every edit of a course answers with (or changes) the course: refresh it and the lists. */
function useCourseMutation<A>(id: string, run: (args: A) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: courseKeys.all }),
  });
}

export const useUpdateCourse = (id: string) =>
  useCourseMutation(id, (body: Partial<CourseFields>) => api.patch(`/courses/${id}`, body));
export const usePublishCourse = (id: string) =>
  useCourseMutation(id, () => api.post(`/courses/${id}/publish`));
export const useCloseCourse = (id: string) =>
  useCourseMutation(id, () => api.post(`/courses/${id}/close`));
export const useAttachTest = (id: string) =>
  useCourseMutation(id, (body: AttachTestFields) => api.put(`/courses/${id}/test`, body));
export const useAddLesson = (id: string) =>
  useCourseMutation(id, (body: LessonFields) =>
    api.post<{ lesson: LessonView }>(`/courses/${id}/lessons`, body),
  );
export const useUpdateLesson = (id: string) =>
  useCourseMutation(id, ({ lessonId, ...body }: LessonFields & { lessonId: string }) =>
    api.patch(`/courses/${id}/lessons/${lessonId}`, body),
  );
export const useDeleteLesson = (id: string) =>
  useCourseMutation(id, (lessonId: string) => api.delete(`/courses/${id}/lessons/${lessonId}`));
export const useReorderLessons = (id: string) =>
  useCourseMutation(id, (lessonIds: string[]) =>
    api.put(`/courses/${id}/lessons/order`, { lessonIds }),
  );

export function usePublicCourse(id: string) {
  return useQuery({
    queryKey: courseKeys.public(id),
    queryFn: ({ signal }) =>
      api.get<{ course: PublicCourse }>(`/public/courses/${id}`, undefined, signal),
    staleTime: 60_000,
  });
}

/** Read with the final test's participant cookie (sent only under /api/public/contests/<id>). */
export function useCompletionStatus(contestId: string | null) {
  return useQuery({
    queryKey: courseKeys.status(contestId ?? ''),
    queryFn: ({ signal }) =>
      api.get<CompletionStatus>(`/public/contests/${contestId}/course-status`, undefined, signal),
    enabled: Boolean(contestId),
  });
}

export function useRequestCertificate(contestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<{ certificate: { code: string; downloadPath: string } }>(
        `/public/contests/${contestId}/course-certificate`,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: courseKeys.status(contestId) }),
  });
}
