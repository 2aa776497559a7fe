import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isApiError, onSessionError } from '../../shared/api.ts';
import { fetchMe, signOut as signOutRequest, type Me } from '../api.ts';
import { accessOf, type Access } from '../session.ts';

type Session = {
  /** undefined while the first /api/auth/me is on its way; null when signed out */
  me: Me | null | undefined;
  access: Access | null;
  refresh: () => Promise<Me | null>;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const next = await fetchMe();
      setMe(next);
      return next;
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        setMe(null);
        return null;
      }
      throw e;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setMe(null));
  }, [refresh]);

  // A 401 anywhere means the session ended; a 403 PASSWORD_CHANGE_REQUIRED means the guard must send us to the form.
  useEffect(
    () =>
      onSessionError((error) => {
        if (error.status === 401) setMe(null);
        else if (error.code === 'PASSWORD_CHANGE_REQUIRED') setMe((m) => (m ? { ...m, mustChangePassword: true } : m));
      }),
    [],
  );

  const signOut = useCallback(async () => {
    try {
      await signOutRequest();
    } finally {
      setMe(null);
    }
  }, []);

  const value = useMemo<Session>(() => ({ me, access: me ? accessOf(me) : null, refresh, signOut }), [me, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** For pages inside the signed-in area, where `me` is known to be there. */
export function useSignedIn(): { me: Me; access: Access; refresh: Session['refresh']; signOut: Session['signOut'] } {
  const { me, access, refresh, signOut } = useSession();
  if (!me || !access) throw new Error('useSignedIn outside the signed-in area');
  return { me, access, refresh, signOut };
}
