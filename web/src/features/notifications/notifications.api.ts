import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { queryKeys } from '../../lib/query-keys.ts';

export type NotificationItem = {
  id: string;
  /** 'report_due' | 'report_late' | 'report_returned' | 'report_accepted' (more may come). */
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

/** The signed-in user's notifications (reminders, returned and accepted reports), polled. */
export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) =>
      api.get<{ items: NotificationItem[]; unreadCount: number }>(
        '/notifications',
        { limit: 20 },
        signal,
      ),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      id === 'all'
        ? api.post<void>('/notifications/read-all')
        : api.post<void>(`/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
