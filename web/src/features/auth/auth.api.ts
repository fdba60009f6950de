import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_RANK } from '../../../../common/enums.ts';
import { api, ApiError } from '../../lib/api.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import type { Me, MeResponse } from './auth.types.ts';

/** The logged-in user; a 401 here is how the app learns it must show the login page. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async ({ signal }) => (await api.get<MeResponse>('/auth/me', undefined, signal)).user,
    staleTime: Infinity,
  });
}

/** The user when RequireAuth has already loaded it. */
export function useCurrentUser(): Me | undefined {
  return useMe().data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      api.post<MeResponse>('/auth/login', body),
    onSuccess: ({ user }) => {
      // Nothing cached for a previous user may leak into this session.
      queryClient.removeQueries();
      queryClient.setQueryData(queryKeys.me, user);
    },
  });
}

/** POST /auth/logout. The caller leaves the page first, then clears the cache (clearLocalSession). */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>('/auth/logout');
      } catch (error) {
        // Already logged out is what we want.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/auth/password', body),
  });
}

/** Whether the user edits at least one unit (people import needs editor or admin somewhere). */
export function useCanEditSomewhere(): boolean {
  const user = useCurrentUser();
  return Boolean(user?.grants.some((g) => ROLE_RANK[g.role] >= ROLE_RANK.editor));
}
