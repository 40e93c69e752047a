/** Who is signed in: the user, their organization and role, and the sign-in / sign-out actions. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { queryClient } from './queries.js';
import {
  accessToken,
  api,
  endBrowserSession,
  onTokens,
  refreshSession,
  setTokens,
  type Organization,
  type Role,
  type Session,
  type User,
} from './api.js';

interface SessionState {
  user: User | null;
  organization: Organization | null;
  /** True until the first /api/me answer (or the absence of tokens) is known. */
  loading: boolean;
  signIn(s: Session): void;
  signOut(): Promise<void>;
  /** Replaces the cached organization after a PUT /api/organization. */
  setOrganization(o: Organization): void;
  reload(): Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

/** Provides the session to the app; leaves for the login page when the tokens are gone. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [organization, setOrganization] = useState<Organization | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    // No access token kept (a new tab after it was cleared, say): the refresh cookie may still hold a session.
    if (!accessToken() && !(await refreshSession())) {
      setUser(null);
      setOrganization(null);
      setLoading(false);
      return;
    }
    try {
      const me = await api<{ user: User; organization: Organization }>('/api/me');
      setUser(me.user);
      setOrganization(me.organization);
    } catch {
      setUser(null);
      setOrganization(null);
    }
    setLoading(false);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);
  // Signed out: nothing of that organization stays in the cache for whoever signs in next.
  useEffect(
    () =>
      onTokens(() => {
        if (!accessToken()) {
          setUser(null);
          setOrganization(null);
          queryClient.clear();
        }
      }),
    [],
  );

  const signIn = useCallback((s: Session) => {
    queryClient.clear();
    setTokens({ accessToken: s.accessToken });
    setUser(s.user);
    setOrganization(s.organization);
    setLoading(false);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await endBrowserSession();
    } catch {
      /* signing out locally is what matters */
    }
    setTokens(null);
  }, []);

  return (
    <Ctx.Provider value={{ user, organization, loading, signIn, signOut, setOrganization, reload }}>
      {children}
    </Ctx.Provider>
  );
}

/** The session; only inside SessionProvider. */
export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Which roles may write each area (mirrors the server's WRITE_ROLES; the server still decides). */
export const WRITE: Record<'settings' | 'operations', Role[]> = {
  settings: ['admin'],
  operations: ['admin', 'operator'],
};

/** True when the signed-in user may change things in this area; viewers never may. */
export function useCan(area: 'settings' | 'operations'): boolean {
  const { user } = useSession();
  return !!user && WRITE[area].includes(user.role);
}
