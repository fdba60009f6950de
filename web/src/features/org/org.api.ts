import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import type {
  CreateUnitBody,
  ItemsResponse,
  RestructureAction,
  RestructureBodies,
  RestructureEvent,
  UnitHistory,
  UnitNode,
  UnitResponse,
  UpdateUnitBody,
} from './org.types.ts';

export function useRoots(asOf: string) {
  return useQuery({
    queryKey: queryKeys.units.roots(asOf),
    queryFn: ({ signal }) => api.get<ItemsResponse<UnitNode>>('/units/roots', { asOf }, signal),
  });
}

export function useChildren(id: string, asOf: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.units.children(id, asOf),
    queryFn: ({ signal }) =>
      api.get<ItemsResponse<UnitNode>>(`/units/${id}/children`, { asOf }, signal),
    enabled,
  });
}

export function useUnit(id: string, asOf: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.units.detail(id, asOf),
    queryFn: ({ signal }) => api.get<UnitResponse>(`/units/${id}`, { asOf }, signal),
    enabled,
  });
}

export function useUnitHistory(id: string) {
  return useQuery({
    queryKey: queryKeys.units.history(id),
    queryFn: ({ signal }) => api.get<UnitHistory>(`/units/${id}/history`, undefined, signal),
  });
}

/** PATCH /units/:id — contact details only; the tree is unchanged. */
export function useUpdateUnit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUnitBody) => api.patch<UnitResponse>(`/units/${id}`, body),
    // Awaited so the form closes onto the saved values.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.units.detailAll(id) }),
  });
}

/**
 * POST /units and the restructurings change the tree: child lists, child counts and subtree
 * counts of every ancestor, search results, histories. Every unit query is refreshed; a
 * restructuring also moves people, so people lists are refreshed too.
 */
export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUnitBody) => api.post<{ unit: UnitNode }>('/units', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.units.all }),
  });
}

export function useRestructure<A extends RestructureAction>(action: A) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RestructureBodies[A]) =>
      api.post<{ event: RestructureEvent }>(`/restructure/${action}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.units.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.people.all });
    },
  });
}
