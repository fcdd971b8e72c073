import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A native modal <dialog>: focus stays inside, Escape closes it, and focus returns to the
 * button that opened it.
 */
export function Modal({ title, onClose, children, size, initialFocus }: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Room for a form in columns ('medium') or a list or table ('wide'). */
  size?: 'medium' | 'wide';
  /** Selector of the control to start in; the first input, select or textarea otherwise. */
  initialFocus?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const initialFocusRef = useRef(initialFocus);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // showModal() focuses the first focusable element (the close button); start in the form instead.
    (dialog.querySelector<HTMLElement>(initialFocusRef.current ?? 'input, select, textarea') ?? dialog.querySelector<HTMLElement>('input, select, textarea'))?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={size ? `modal modal-${size}` : 'modal'} aria-labelledby={titleId}>
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn-quiet" onClick={onClose}>{t('common.close')}</button>
      </div>
      {children}
    </dialog>
  );
}
