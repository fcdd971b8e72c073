import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanResult } from '../../../../shared/contract/attendance.ts';
import { api } from '../../api.ts';

export type ScanEntry =
  | { key: number; input: string; kind: 'result'; result: ScanResult; at: number }
  | { key: number; input: string; kind: 'error'; error: unknown; at: number };

/**
 * The door's scans, one after another in the order they were typed. The input never waits:
 * Enter hands the text over and the box is empty again, while this queue sends each NIP to
 * `attendance.scan` in turn and reports every answer (or failure, which can be retried), so a
 * burst from a barcode scanner loses nothing and doubles nothing.
 */
export function useScanQueue(sessionId: string, onEntry: (entry: ScanEntry) => void) {
  const queue = useRef<{ key: number; input: string }[]>([]);
  const running = useRef(false);
  const nextKey = useRef(0);
  const onEntryRef = useRef(onEntry);
  onEntryRef.current = onEntry;
  const [pending, setPending] = useState(0);

  // Scans still queued when the clerk leaves the screen are sent all the same (the loop below
  // does not stop on unmount); closing the window while some wait asks first.
  useEffect(() => {
    if (pending === 0) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [pending]);

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      while (queue.current.length > 0) {
        const item = queue.current[0]!;
        let entry: ScanEntry;
        try {
          const result = await api['attendance.scan']({ sessionId, input: item.input });
          entry = { key: item.key, input: item.input, kind: 'result', result, at: Date.now() };
        } catch (error) {
          entry = { key: item.key, input: item.input, kind: 'error', error, at: Date.now() };
        }
        queue.current.shift();
        setPending(queue.current.length);
        onEntryRef.current(entry);
      }
    } finally {
      running.current = false;
    }
  }, [sessionId]);

  const enqueue = useCallback((input: string) => {
    queue.current.push({ key: ++nextKey.current, input });
    setPending(queue.current.length);
    void pump();
  }, [pump]);

  return { enqueue, pending };
}
