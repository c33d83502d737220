/**
 * Who is signed in. Asks GET /api/v1/me once at start (401 = anonymous), keeps the CSRF
 * token for the API client, and forgets the user when any later call answers 401.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, isSystemAdmin, onUnauthorized, setCsrfToken, type Me, type MeResponse } from '../api';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'signed-in'; user: Me }
  | { status: 'error'; error: ApiError };

interface SessionApi {
  session: SessionState;
  user: Me | null;
  isAdmin: boolean;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await api.get<MeResponse>('/api/v1/me');
      setCsrfToken(me.csrfToken);
      setSession({ status: 'signed-in', user: me.user });
    } catch (err) {
      setCsrfToken(null);
      if (err instanceof ApiError && err.status === 401) setSession({ status: 'anonymous', expired: false });
      else setSession({ status: 'error', error: err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' }) });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        setSession((s) => (s.status === 'signed-in' ? { status: 'anonymous', expired: true } : s));
      }),
    [],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    const res = await api.post<MeResponse>('/api/v1/auth/login', { email, password });
    setCsrfToken(res.csrfToken);
    // /me is the one shape with roles we rely on; the login answer may be slimmer.
    let user = res.user;
    try {
      const me = await api.get<MeResponse>('/api/v1/me');
      setCsrfToken(me.csrfToken);
      user = me.user;
    } catch {
      // keep the login answer
    }
    setSession({ status: 'signed-in', user });
    return user;
  }, []);

  const signOut = useCallback(async () => {
    // Signed in through the identity provider: end its session too (a full-page redirect).
    let viaProvider = false;
    try {
      viaProvider = (await api.get<{ method: string }>('/api/v1/auth/session')).method === 'oidc';
    } catch {
      // an API token or no session: sign out here only
    }
    if (viaProvider) {
      setCsrfToken(null);
      window.location.assign('/api/v1/auth/oidc/logout');
      return;
    }
    try {
      await api.post<void>('/api/v1/auth/logout');
    } finally {
      setCsrfToken(null);
      setSession({ status: 'anonymous', expired: false });
    }
  }, []);

  const value = useMemo<SessionApi>(() => {
    const user = session.status === 'signed-in' ? session.user : null;
    return { session, user, isAdmin: isSystemAdmin(user), signIn, signOut, refresh };
  }, [session, signIn, signOut, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
