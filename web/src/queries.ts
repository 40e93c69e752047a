/**
 * The dashboard's data: one TanStack Query cache for every GET of the API. A query's key is its
 * path — the resource first, then ids and the query string — so `['calls']` names every list and
 * page of calls, and a write invalidates the resources it changed (`useApiMutation`'s
 * `invalidates`), on this page and on every other page that shows them.
 *
 * Data a write or a live event made outdated is refetched where it is on screen and dropped
 * where it is not: a page opened later loads it afresh instead of showing what is known to be old.
 */
import {
  QueryClient,
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import { get } from './api.js';
import { useLive, type LiveEvent } from './live.js';

/** The one cache; an API error is shown, not retried (the api client already refreshes an expired session). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
    mutations: { retry: false },
  },
});

/** A resource of the API: the first segment after `/api/` (`calls`, `services`, `setup-status`…), or a longer key (`['calls', id]`). */
export type Resource = string | readonly unknown[];
const asKey = (r: Resource): QueryKey => (typeof r === 'string' ? [r] : r);

/** The key of a GET path: `/api/calls/abc?limit=8` → `['calls', 'abc', { limit: '8' }]`. */
export function keyOf(path: string): QueryKey {
  const [p, q] = path.split('?', 2);
  const key: unknown[] = p
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  if (q) {
    const params = Object.fromEntries([...new URLSearchParams(q)].sort(([a], [b]) => a.localeCompare(b)));
    if (Object.keys(params).length) key.push(params);
  }
  return key;
}

/** Marks resources outdated: refetched where shown, dropped from the cache where not. */
export async function invalidate(client: QueryClient, resources: readonly Resource[]): Promise<void> {
  await Promise.all(
    resources.map(async (r) => {
      client.removeQueries({ queryKey: asKey(r), type: 'inactive' });
      await client.invalidateQueries({ queryKey: asKey(r) });
    }),
  );
}

/** `invalidate` bound to the app's cache. */
export function useInvalidate(): (...resources: Resource[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback((...resources: Resource[]) => invalidate(client, resources), [client]);
}

/** What a page reads of one GET: the data (kept while a new key loads), the error, and whether it is loading. */
export interface ApiQuery<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  /** Loads again now (a live event about this very resource). */
  refetch(): Promise<unknown>;
  /** Puts a write's answer in the cache at once (the row just saved), before any refetch. */
  setData(f: (d: T | undefined) => T): void;
}

/**
 * One GET of the API through the cache; `null` waits. `T` is the answer's type, normally
 * `Answer<'/api/…'>` from the generated types. The previous path's data stays on screen while
 * the next loads (a filter, a page of a list, the next week), unless `keep: false`. With `fresh`, cached data is not
 * shown: the data comes from a load made after the component mounted (a form seeded from it
 * must start from what the server holds now, not from what this tab saw earlier).
 */
export function useApi<T>(path: string | null, opts: { keep?: boolean; fresh?: boolean } = {}): ApiQuery<T> {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: path ? keyOf(path) : ['none'],
    queryFn: () => get<T>(path!),
    enabled: !!path,
    placeholderData: opts.keep === false ? undefined : keepPreviousData,
    refetchOnMount: opts.fresh ? 'always' : true,
  });
  const data = opts.fresh && !q.isFetchedAfterMount ? undefined : q.data;
  const error = opts.fresh && !q.isFetchedAfterMount ? undefined : (q.error ?? undefined);
  const setData = (f: (d: T | undefined) => T) => {
    if (path) client.setQueryData<T>(keyOf(path), f);
  };
  return { data, error, loading: q.isFetching || (q.isPending && !!path), refetch: q.refetch, setData };
}

/**
 * A write of the API: runs `fn`, then invalidates the resources it changed. Forms keep their field
 * errors through `useSubmit().run(() => m.mutateAsync(x))`.
 */
export function useApiMutation<A, R>(fn: (arg: A) => Promise<R>, invalidates: readonly Resource[]) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate(client, invalidates) });
}

/** What each live event makes outdated (the server's union, src/live/events.ts). */
export function outdatedBy(e: LiveEvent): Resource[] {
  switch (e.type) {
    // a conversation's news may have sent messages: the dev inbox shows them
    case 'call.started':
      return ['calls', 'dashboard', 'dev-inbox'];
    case 'call.turn':
    case 'call.event':
      return [['calls', e.data.callId]];
    case 'call.completed':
      return ['calls', 'dashboard', 'unanswered-questions', 'clients', 'billing', 'campaigns', 'dev-inbox'];
    case 'lead.created':
    case 'lead.urgent':
      return ['leads', 'dashboard', 'dev-inbox', ['calls', e.data.callId ?? '']];
    case 'appointment.booked':
      return ['appointments', 'availability', 'dashboard', 'clients', 'dev-inbox', ['calls', e.data.callId]];
  }
}

/** Keeps the cache in step with the live events while the app is open. */
export function useLiveInvalidation() {
  const client = useQueryClient();
  useLive((e) => {
    void invalidate(client, outdatedBy(e));
  });
}
