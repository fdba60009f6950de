import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, uploadFile } from '../../lib/api.ts';
import type {
  AdminResults,
  CategoryView,
  ContestBody,
  ContestListItem,
  ContestView,
  ParticipationRow,
  QuestionBody,
  QuestionStats,
  QuestionView,
  Readiness,
  RoundBody,
  RoundCertificatesBody,
} from './contests.types.ts';

/** Hooks over the organiser's contest API (docs/API.md, "Contests"). */

export const contestKeys = {
  all: ['contests'] as const,
  list: (unitId: string) => ['contests', 'list', unitId] as const,
  detail: (id: string) => ['contests', 'detail', id] as const,
  participation: (id: string) => ['contests', 'participation', id] as const,
  results: (roundId: string) => ['contests', 'results', roundId] as const,
  stats: (roundId: string) => ['contests', 'stats', roundId] as const,
  bank: ['contest-bank'] as const,
  categories: (unitId: string) => ['contest-bank', 'categories', unitId] as const,
  questions: (unitId: string) => ['contest-bank', 'questions', unitId] as const,
};

export function useContests(unitId: string | null) {
  return useQuery({
    queryKey: contestKeys.list(unitId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: ContestListItem[] }>('/contests', { unitId }, signal),
    enabled: Boolean(unitId),
  });
}

export function useContest(id: string, enabled = true) {
  return useQuery({
    queryKey: contestKeys.detail(id),
    queryFn: ({ signal }) =>
      api.get<{ contest: ContestView }>(`/contests/${id}`, undefined, signal),
    select: (data) => data.contest,
    enabled,
  });
}

/** The unit prizes' rules: places of each prize, and the member floor for the rate prize. */
export type UnitPrizeRules = {
  mostParticipantsPlaces: number;
  highestRatePlaces: number;
  minMembers: number;
};

export function useParticipation(id: string, rules: UnitPrizeRules) {
  return useQuery({
    queryKey: [...contestKeys.participation(id), rules],
    queryFn: ({ signal }) =>
      api.get<{ items: ParticipationRow[] }>(`/contests/${id}/participation`, rules, signal),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

export function useRoundResults(contestId: string, roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: contestKeys.results(roundId),
    queryFn: ({ signal }) =>
      api.get<AdminResults>(`/contests/${contestId}/rounds/${roundId}/results`, undefined, signal),
    enabled,
  });
}

export function useQuestionStats(contestId: string, roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: contestKeys.stats(roundId),
    queryFn: ({ signal }) =>
      api.get<QuestionStats>(
        `/contests/${contestId}/rounds/${roundId}/question-stats`,
        undefined,
        signal,
      ),
    enabled,
  });
}

export const resultsXlsxUrl = (contestId: string, roundId: string) =>
  apiUrl(`/contests/${contestId}/rounds/${roundId}/results.xlsx`);

export function useCloseRound(contestId: string, roundId: string) {
  return useMutation({
    mutationFn: () => api.post<{ jobId: string }>(`/contests/${contestId}/rounds/${roundId}/close`),
  });
}

export function useIssueRoundCertificates(contestId: string, roundId: string) {
  return useMutation({
    mutationFn: (body: RoundCertificatesBody) =>
      api.post<{ jobId: string; holders: number }>(
        `/contests/${contestId}/rounds/${roundId}/certificates`,
        body,
      ),
  });
}

// --- Question bank ------------------------------------------------------------------------

export function useCategories(unitId: string | null) {
  return useQuery({
    queryKey: contestKeys.categories(unitId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ items: CategoryView[] }>('/contest-bank/categories', { unitId }, signal),
    select: (data) => data.items,
    enabled: Boolean(unitId),
  });
}

export function useQuestions(unitId: string | null) {
  return useQuery({
    queryKey: contestKeys.questions(unitId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ items: QuestionView[] }>('/contest-bank/questions', { unitId }, signal),
    select: (data) => data.items,
    enabled: Boolean(unitId),
  });
}

function useBankMutation<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contestKeys.bank }),
  });
}

export function useCreateCategory() {
  return useBankMutation((body: { unitId: string; parentId: string | null; name: string }) =>
    api.post<{ category: CategoryView }>('/contest-bank/categories', body),
  );
}

export function useRenameCategory() {
  return useBankMutation(({ id, name }: { id: string; name: string }) =>
    api.patch<{ category: CategoryView }>(`/contest-bank/categories/${id}`, { name }),
  );
}

export function useSaveQuestion() {
  return useBankMutation(
    ({ id, unitId, body }: { id: string | null; unitId: string; body: QuestionBody }) =>
      id
        ? api.put<{ question: QuestionView }>(`/contest-bank/questions/${id}`, body)
        : api.post<{ question: QuestionView }>('/contest-bank/questions', { ...body, unitId }),
  );
}

export function useArchiveQuestion() {
  return useBankMutation((id: string) =>
    api.delete<{ question: QuestionView }>(`/contest-bank/questions/${id}`),
  );
}

export const questionTemplateUrl = (unitId: string) =>
  apiUrl('/contest-bank/questions/template.xlsx', { unitId });
export const questionExportUrl = (unitId: string) =>
  apiUrl('/contest-bank/questions/export.xlsx', { unitId });

export function useImportQuestions(unitId: string) {
  return useBankMutation(({ file, onProgress }: { file: File; onProgress: (p: number) => void }) =>
    uploadFile<{ imported: number }>(
      `/contest-bank/questions/import?unitId=${encodeURIComponent(unitId)}`,
      'file',
      file,
      onProgress,
    ),
  );
}

// --- Contest settings, rounds and publishing ------------------------------------------------

function useContestMutation<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contestKeys.all }),
  });
}

export function useSaveContest() {
  return useContestMutation(({ id, body }: { id: string | null; body: ContestBody }) =>
    id
      ? api.patch<{ contest: ContestView }>(`/contests/${id}`, body)
      : api.post<{ contest: ContestView }>('/contests', body),
  );
}

export function useAddRounds() {
  return useContestMutation(async ({ id, rounds }: { id: string; rounds: RoundBody[] }) => {
    // One after another: the server checks each window against those already stored.
    for (const round of rounds) await api.post(`/contests/${id}/rounds`, round);
  });
}

export function useDeleteRound() {
  return useContestMutation(({ id, roundId }: { id: string; roundId: string }) =>
    api.delete<unknown>(`/contests/${id}/rounds/${roundId}`),
  );
}

export function useReadiness(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...contestKeys.detail(id), 'readiness'],
    queryFn: ({ signal }) =>
      api.get<{ readiness: Readiness }>(`/contests/${id}/readiness`, undefined, signal),
    select: (data) => data.readiness,
    enabled,
  });
}

export function usePublishContest() {
  return useContestMutation((id: string) =>
    api.post<{ contest: ContestView }>(`/contests/${id}/publish`),
  );
}
