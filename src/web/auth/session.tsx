/**
 * Who is signed in. The `/me` query (TanStack Query) is asked once at start (401 = anonymous),
 * keeps the CSRF token for the API client, and forgets the user when any later call answers 401.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, apiHref, asApiError, isSystemAdmin, onUnauthorized, setCsrfToken, type Me, type MeResponse } from '../api';
import { $api, call, client, queryClient } from '../client';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'signed-in'; user: Me }
  | { status: 'error'; error: ApiError };

interface SessionApi {
  session: SessionState;
  user: Me | null;
  isAdmin: boolean;
  /** Still asking who is signed in. */
  loading: boolean;
  /** Nobody is signed in (`expired`: the session ended under a signed-in user). */
  anonymous: { expired: boolean } | null;
  /** /me could not be asked (not a 401). */
  error: ApiError | null;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

const meQuery = $api.queryOptions('get', '/me');

/** GET /me; null when nobody is signed in. Keeps the CSRF token for the client. */
async function loadMe(): Promise<MeResponse | null> {
  try {
    const me = await call(client.GET('/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    setCsrfToken(null);
    if (asApiError(err).status === 401) return null;
    throw err;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const me = useQuery({ queryKey: meQuery.queryKey, queryFn: loadMe, staleTime: Infinity, retry: false });
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey: meQuery.queryKey });
  }, []);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        const signedIn = !!queryClient.getQueryData<MeResponse | null>(meQuery.queryKey);
        if (!signedIn) return;
        setExpired(true);
        queryClient.setQueryData(meQuery.queryKey, null);
      }),
    [],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    const res = await call(client.POST('/auth/login', { body: { email, password } }));
    setCsrfToken(res.csrfToken);
    // /me is the one shape with roles and permissions we rely on; the login answer may be slimmer.
    const fresh = await loadMe().catch(() => null);
    // what was cached belongs to nobody (or someone else): ask again as the new user
    queryClient.removeQueries({ predicate: (q) => q.queryKey[1] !== '/me' });
    queryClient.setQueryData<MeResponse | null>(
      meQuery.queryKey,
      fresh ?? { user: res.user, csrfToken: res.csrfToken, permissions: [], emailEnabled: false },
    );
    setExpired(false);
    return fresh?.user ?? res.user;
  }, []);

  const signOut = useCallback(async () => {
    // Signed in through the identity provider: end its session too (a full-page redirect).
    const session = await call(client.GET('/auth/session')).catch(() => undefined);
    if (session?.method === 'oidc') {
      setCsrfToken(null);
      window.location.assign(apiHref('/auth/oidc/logout'));
      return;
    }
    try {
      await call(client.POST('/auth/logout'));
    } finally {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[1] !== '/me' });
      queryClient.setQueryData(meQuery.queryKey, null);
      setExpired(false);
    }
  }, []);

  const value = useMemo<SessionApi>(() => {
    const user = me.data?.user ?? null;
    const error = me.error ? asApiError(me.error) : null;
    const anonymous = me.data === null ? { expired } : null;
    const session: SessionState = user
      ? { status: 'signed-in', user }
      : anonymous
        ? { status: 'anonymous', ...anonymous }
        : error
          ? { status: 'error', error }
          : { status: 'loading' };
    return { session, user, isAdmin: isSystemAdmin(user), loading: me.isPending, anonymous, error, signIn, signOut, refresh };
  }, [me.data, me.error, me.isPending, expired, signIn, signOut, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
