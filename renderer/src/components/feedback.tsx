import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n.ts';
import { describeError } from './errors.ts';

/** A failed call, translated; `role="alert"` so screen readers announce it at once. */
export function ErrorAlert({ error, timeZone, children }: { error: unknown; timeZone?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert alert-error">
      <p>{describeError(t, error, currentLanguage(), timeZone)}</p>
      {children}
    </div>
  );
}

/** A calm confirmation ("Tersimpan."), announced politely. */
export function Notice({ children }: { children: ReactNode }) {
  return <p role="status" className="notice">{children}</p>;
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <p className="loading" role="status">{label ?? t('common.loading')}</p>;
}

/** Loading, a failure with "Coba lagi", or the content. */
export function LoadState<T>({ loader, children }: { loader: { data: T | undefined; error: unknown; loading: boolean; reload(): void }; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (loader.error && loader.data === undefined) {
    return (
      <ErrorAlert error={loader.error}>
        <button type="button" className="btn" onClick={loader.reload}>{t('common.retry')}</button>
      </ErrorAlert>
    );
  }
  if (loader.data === undefined) return <Loading />;
  return <>{children(loader.data)}</>;
}
