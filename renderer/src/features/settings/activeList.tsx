import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loaded } from '../../app/useLoader.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';

/** What the last action on a list said: a confirmation or a refusal. */
export type ListMessage = { text: string } | { error: unknown } | null;

export function MessageLine({ message }: { message: ListMessage }) {
  if (!message) return null;
  return 'error' in message ? <ErrorAlert error={message.error} /> : <Notice>{message.text}</Notice>;
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <span className={`badge ${active ? 'badge-ok' : 'badge-off'}`}>{t(active ? 'common.active' : 'common.inactive')}</span>;
}

/**
 * A loaded list of records that are deactivated, never deleted (units, accounts): replace or
 * add a record the backend returned, and switch one on or off with a message saying so.
 */
export function useActiveList<T extends { id: string; active: boolean }>(
  list: Loaded<T[]>,
  setActive: (id: string, active: boolean) => Promise<T>,
  toggledText: (updated: T) => string,
) {
  const [message, setMessage] = useState<ListMessage>(null);
  const replace = (item: T) => list.setData((list.data ?? []).map((x) => (x.id === item.id ? item : x)));
  const append = (item: T) => list.setData([...(list.data ?? []), item]);
  const toggle = async (item: T) => {
    setMessage(null);
    try {
      const updated = await setActive(item.id, !item.active);
      replace(updated);
      setMessage({ text: toggledText(updated) });
    } catch (err) {
      setMessage({ error: err });
    }
  };
  return { message, setMessage, replace, append, toggle };
}
