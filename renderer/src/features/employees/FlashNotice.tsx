import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flash } from '../../app/flash.ts';
import { ErrorAlert } from '../../components/feedback.tsx';

/** A message brought from the previous screen, with its warnings and an undo button if any. */
export function FlashNotice({ flash, onUndone }: { flash: Flash; onUndone?(): void }) {
  const { t } = useTranslation();
  const [undone, setUndone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const undo = flash.undo;

  const runUndo = async () => {
    if (!undo) return;
    setBusy(true);
    setError(null);
    try {
      await undo.run();
      setUndone(true);
      onUndone?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="notice notice-row" role="status">
        <span>{t(...(undone && undo ? undo.done : flash.message))}</span>
        {undo && !undone && (
          <button type="button" className="btn btn-small" onClick={() => void runUndo()} aria-busy={busy || undefined}>{t(...undo.label)}</button>
        )}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

export function Warnings({ items, title }: { items: string[]; title?: string }) {
  return (
    <div className="alert alert-warning">
      {title && <p className="alert-title">{title}</p>}
      <ul>
        {items.map((text) => <li key={text}>{text}</li>)}
      </ul>
    </div>
  );
}
