import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DependencyList } from 'react';
import { asApiError, type ApiError } from '../api';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * A read that is not one API path (the reference loaders, which page and combine several
 * calls of the generated client) through TanStack Query like every other read: cached under a
 * key made of the loader's code and its dependencies (the same code with the same dependencies
 * gives the same answer), refetched when they change, and a later answer never overwritten by
 * an earlier one. Reads of one path use `$api.useQuery` (src/web/client.ts) directly.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const q = useQuery({
    queryKey: ['load', load.toString(), ...deps],
    queryFn: ({ signal }) => load(signal),
    // As before: the last answer stays on screen while the next one loads.
    placeholderData: keepPreviousData,
    // As before: every mount asks again (the cached answer shows meanwhile).
    staleTime: 0,
  });
  return {
    data: q.data,
    error: q.error ? asApiError(q.error) : undefined,
    loading: q.isFetching,
    reload: () => void q.refetch(),
  };
}
