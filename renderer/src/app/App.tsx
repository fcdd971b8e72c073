import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Router } from 'wouter';
import { useHashLocation, navigate } from 'wouter/use-hash-location';
import type { SessionUser } from '../../../shared/contract/auth.ts';
import type { Office } from '../../../shared/contract/office.ts';
import { api, onSessionExpired } from '../api.ts';
import { ErrorAlert, Loading } from '../components/feedback.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { SetupWizard } from '../features/setup/SetupWizard.tsx';
import { LoginScreen, type LoginNotice } from '../features/auth/LoginScreen.tsx';
import { AppShell } from './AppShell.tsx';
import { SessionContext, type Session } from './session.tsx';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'setup' }
  | { kind: 'login'; officeName: string | null; notice?: LoginNotice }
  | { kind: 'app'; user: SessionUser; office: Office };

/** First run → setup wizard; otherwise the login screen or, with a live session, the app. */
async function startUp(): Promise<Phase> {
  const status = await api['system.status']({});
  if (!status.setupDone) return { kind: 'setup' };
  const { user } = await api['auth.me']({});
  if (!user) return { kind: 'login', officeName: status.officeName };
  return { kind: 'app', user, office: await api['office.get']({}) };
}

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const start = useCallback(() => {
    setPhase({ kind: 'loading' });
    startUp().then(setPhase, (error: unknown) => setPhase({ kind: 'failed', error }));
  }, []);
  useEffect(start, [start]);

  const toLogin = useCallback((notice?: LoginNotice) => {
    api['system.status']({}).then(
      (status) => setPhase({ kind: 'login', officeName: status.officeName, notice }),
      () => setPhase({ kind: 'login', officeName: null, notice }),
    );
  }, []);

  const session = useMemo<Session | null>(() => {
    if (phase.kind !== 'app') return null;
    return {
      user: phase.user,
      office: phase.office,
      setOffice: (office) => setPhase({ ...phase, office }),
      logout: async () => {
        try {
          await api['auth.logout']({});
        } finally {
          navigate('/', { replace: true });
          toLogin('loggedOut');
        }
      },
      dataRestored: (backupMadeAt) => {
        // Straight to the login screen (no call first): a screen still open would find its
        // session gone and say "expired" instead.
        const notice: LoginNotice = { restoredFrom: backupMadeAt, timeZone: phase.office.timezone };
        setPhase({ kind: 'login', officeName: phase.office.name, notice });
        navigate('/', { replace: true });
        api['system.status']({}).then(
          (status) => setPhase((p) => (p.kind === 'login' && p.notice === notice ? { ...p, officeName: status.officeName } : p)),
          () => undefined,
        );
      },
    };
  }, [phase, toLogin]);

  // Any call that finds the session gone sends the clerk to the login screen, once.
  const inApp = phase.kind === 'app';
  useEffect(() => (inApp ? onSessionExpired(() => toLogin('expired')) : undefined), [inApp, toLogin]);

  switch (phase.kind) {
    case 'loading':
      return <Splash><StartupLoading /></Splash>;
    case 'failed':
      return <StartFailed error={phase.error} retry={start} />;
    case 'setup':
      return (
        <SetupWizard
          onDone={({ user, office }) => (user ? setPhase({ kind: 'app', user, office }) : toLogin())}
          onAlreadySetUp={start}
        />
      );
    case 'login':
      return (
        <LoginScreen
          officeName={phase.officeName}
          notice={phase.notice}
          onLoggedIn={async (user) => setPhase({ kind: 'app', user, office: await api['office.get']({}) })}
        />
      );
    case 'app':
      return (
        <SessionContext.Provider value={session}>
          <Router hook={useHashLocation}>
            <AppShell />
          </Router>
        </SessionContext.Provider>
      );
  }
}

function Splash({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="splash">
      <p className="brand-name">{t('app.name')}</p>
      {children}
    </main>
  );
}

function StartupLoading() {
  const { t } = useTranslation();
  return <Loading label={t('startup.loading')} />;
}

function StartFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="splash">
      <p className="brand-name">{t('app.name')}</p>
      <h1>{t('startup.failed')}</h1>
      <ErrorAlert error={error}>
        <button type="button" className="btn" onClick={retry}>{t('common.retry')}</button>
      </ErrorAlert>
      <LanguageSwitch />
    </main>
  );
}
