import { useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The one box for a typed or scanned NIP. Enter hands the text over and empties the box at
 * once, so a scanner's next burst never waits; how many scans are still being saved shows under it.
 */
export function ScanBox({ inputRef, pending, paused, onScan }: {
  inputRef: RefObject<HTMLInputElement | null>;
  pending: number;
  /** A dialog is open: digits typed belong to it, not to the box. */
  paused: boolean;
  onScan(text: string): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  // A digit typed while the focus is elsewhere (a button just clicked, the list) goes into the
  // NIP box: the scanner's next burst is never typed into nothing.
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (!/^\d$/.test(e.key) || e.ctrlKey || e.metaKey || e.altKey || pausedRef.current) return;
      const el = document.activeElement;
      const editable = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);
      if (!editable) inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [inputRef]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const input = e.currentTarget;
    const text = input.value;
    input.value = '';
    if (text.trim()) onScan(text);
  };

  return (
    <div className="scan-box">
      <label htmlFor={id} className="scan-label">{t('attendanceUi.door.inputLabel')}</label>
      <input
        ref={inputRef}
        id={id}
        className="scan-input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        autoFocus
        data-keep-focus=""
        aria-describedby={`${id}-hint`}
        onKeyDown={onKeyDown}
      />
      <p className="field-hint" id={`${id}-hint`}>{t('attendanceUi.door.inputHint')}</p>
      <p className="scan-pending" role="status" aria-live="polite">
        {pending > 0 ? t('attendanceUi.door.pending', { count: pending, n: pending }) : ''}
      </p>
    </div>
  );
}
