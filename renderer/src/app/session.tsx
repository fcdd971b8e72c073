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
  /**
   * The data was replaced by a backup (made at `backupMadeAt`): the sessions went with it, so
   * back to the login screen, which says so.
   */
  dataRestored(backupMadeAt: string): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the logged-in app');
  return session;
}
