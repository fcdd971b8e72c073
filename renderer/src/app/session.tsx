import { createContext, useContext } from 'react';
import type { SessionUser } from '../../../shared/contract/auth.ts';
import type { Office } from '../../../shared/contract/office.ts';

/** The logged-in user and their office, plus the few things any screen may ask of the app. */
export interface Session {
  user: SessionUser;
  office: Office;
  /** After the office was changed in Settings: header and dates follow. */
  setOffice(office: Office): void;
  logout(): Promise<void>;
  /** A call said UNAUTHENTICATED: the session ended (idle timeout, deactivated, password reset). */
  expire(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the logged-in app');
  return session;
}

/** Outside the app (setup, login) there is no session to expire. */
export function useExpire(): () => void {
  const session = useContext(SessionContext);
  return session ? session.expire : noop;
}

function noop(): void {}
