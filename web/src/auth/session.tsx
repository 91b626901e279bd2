/**
 * The signed-in session: the token, who it speaks for (`GET /v1/me`, checked by the server) and sign-in/out.
 * A 401 from any request signs the user out.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, unwrap, useTokenForRequests, type Schemas } from '../api/client';
import { storedToken, storeToken, takeTokenFromFragment } from './token-store';

export type Me = Schemas['Me'];

export interface Session {
  readonly token: string | undefined;
  readonly me: Me | undefined;
  readonly loading: boolean;
  /** The last token was refused by the server (invalid or expired). */
  readonly rejected: boolean;
  readonly signIn: (token: string) => void;
  readonly signOut: () => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

takeTokenFromFragment();

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | undefined>(storedToken);
  const [rejected, setRejected] = useState(false);
  const end = useCallback(
    (refused: boolean) => {
      storeToken(undefined);
      setToken(undefined);
      setRejected(refused);
      queryClient.clear();
    },
    [queryClient],
  );
  const signOut = useCallback(() => end(false), [end]);
  const signIn = useCallback((next: string) => {
    storeToken(next);
    setRejected(false);
    setToken(next);
  }, []);
  useTokenForRequests(token, () => end(true));
  useEffect(() => {
    // A sign-in link followed in a tab that is already open.
    const onHash = () => {
      if (takeTokenFromFragment()) setToken(storedToken());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const me = useQuery({
    queryKey: ['me', token],
    enabled: token !== undefined,
    retry: false,
    queryFn: async () => unwrap(await api.GET('/v1/me')),
  });
  const session = useMemo<Session>(
    () => ({
      token,
      me: me.data,
      loading: token !== undefined && me.isPending,
      rejected,
      signIn,
      signOut,
    }),
    [token, me.data, me.isPending, rejected, signIn, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside SessionProvider');
  return session;
}
