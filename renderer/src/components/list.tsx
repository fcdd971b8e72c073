import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import type { Loaded } from '../app/useLoader.ts';
import { ErrorAlert, Notice } from './feedback.tsx';

/** What the last action on a list said: a confirmation or a refusal. */
export type ListMessage = { text: string } | { error: unknown } | null;

/** The list's message line: a confirmation announced politely, or a refusal as an alert. */
export function MessageLine({ message }: { message: ListMessage }) {
  if (!message) return null;
  return 'error' in message ? <ErrorAlert error={message.error} /> : <Notice>{message.text}</Notice>;
}

/** What a list screen has open over it: one dialog at a time. */
type Open<T, D> = { edit: T | 'new' } | { remove: T } | { dialog: D } | null;

/**
 * The state of a list screen (a table of records with an edit dialog, a remove or cancel
 * confirmation, and a message line):
 * - `editing` is the record in the edit dialog ('new' for a new one), `removing` the record
 *   being removed (or withdrawn, cancelled), `dialog` any other dialog of the screen ('import');
 *   opening one clears the message line, `close` closes it.
 * - `done(text)` closes the dialog and says what happened; `say` and `fail` set the message
 *   line alone.
 * - Given the loaded rows, `put` shows a record the backend returned (replacing its row or
 *   adding it), `saved(record, text)` puts it and is done, `drop` takes one away, and `update`
 *   runs a row's own action (switch on or off, change status): one at a time (`busy` is the
 *   key of the running one), its result put in the list and said, a refusal in the message line.
 */
export function useCrudList<T extends { id: string }, D extends string = never>(rows?: Pick<Loaded<T[]>, 'data' | 'setData'>) {
  const [open, setOpen] = useState<Open<T, D>>(null);
  const [message, setMessage] = useState<ListMessage>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const running = useRef(false);

  const show = useCallback((next: Open<T, D>) => {
    setMessage(null);
    setOpen(next);
  }, []);
  const say = useCallback((text: string) => setMessage({ text }), []);
  const fail = useCallback((error: unknown) => setMessage({ error }), []);
  const close = useCallback(() => setOpen(null), []);
  const done = useCallback((text: string) => {
    setOpen(null);
    setMessage({ text });
  }, []);

  const data = rows?.data ?? [];
  const put = (item: T) => rows?.setData(data.some((x) => x.id === item.id) ? data.map((x) => (x.id === item.id ? item : x)) : [...data, item]);
  const saved = (item: T, text: string) => {
    put(item);
    done(text);
  };
  const drop = (item: T) => rows?.setData(data.filter((x) => x.id !== item.id));
  const update = async (key: string, call: () => Promise<T>, said: (updated: T) => string): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(key);
    setMessage(null);
    try {
      const updated = await call();
      saved(updated, said(updated));
      return updated;
    } catch (err) {
      setMessage({ error: err });
      return undefined;
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  return {
    message,
    say,
    fail,
    editing: open && 'edit' in open ? open.edit : null,
    removing: open && 'remove' in open ? open.remove : null,
    dialog: open && 'dialog' in open ? open.dialog : null,
    edit: (item: T | 'new') => show({ edit: item }),
    remove: (item: T) => show({ remove: item }),
    open: (dialog: D) => show({ dialog }),
    close,
    done,
    busy,
    put,
    saved,
    drop,
    update,
  };
}

export type CrudList<T extends { id: string }, D extends string = never> = ReturnType<typeof useCrudList<T, D>>;

/**
 * A list screen's card: its heading (named for the region), the buttons beside it, a line of
 * introduction, the message line, then the table and whatever goes with it.
 */
export function ListCard({ title, actions, intro, message, children }: { title: ReactNode; actions?: ReactNode; intro?: ReactNode; message: ListMessage; children: ReactNode }) {
  const id = useId();
  const heading = <h2 id={id}>{title}</h2>;
  return (
    <section className="card" aria-labelledby={id}>
      {actions ? <div className="card-head">{heading}<div className="row-actions">{actions}</div></div> : heading}
      {intro && <p className="form-note">{intro}</p>}
      <MessageLine message={message} />
      {children}
    </section>
  );
}
