import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/contract/jobs.ts';
import { api, transport } from '../api.ts';

/**
 * A backend job followed to its end. `start(kind, begin)` runs the call that starts it and then
 * follows it: the event stream is the normal path; a slow poll of `jobs.get` covers a stream
 * that could not connect. `cancel` asks `jobs.cancel`. Both reject as the calls do; a newer
 * start (or leaving the screen) stops following the one before.
 */
export function useJob() {
  const [job, setJob] = useState<JobStatus | null>(null);
  const stop = useRef<(() => void) | null>(null);

  useEffect(() => () => stop.current?.(), []);

  // What the poll or a cancel answers, as long as it is about the job shown and that one still runs.
  const update = useCallback((status: JobStatus) => setJob((current) => (current?.jobId === status.jobId && current.state === 'running' ? status : current)), []);

  const runningId = job?.state === 'running' ? job.jobId : null;
  useEffect(() => {
    if (!runningId) return;
    const timer = setInterval(() => {
      api['jobs.get']({ jobId: runningId }).then(update, () => undefined);
    }, 2000);
    return () => clearInterval(timer);
  }, [runningId, update]);

  const start = async (kind: string, begin: () => Promise<{ jobId: string }>) => {
    stop.current?.();
    setJob(null);
    const { jobId } = await begin();
    setJob({ jobId, kind, state: 'running', done: 0, total: 0, step: null, error: null });
    stop.current = transport.subscribeJob(jobId, (event) => setJob((current) => (current?.jobId === event.jobId ? event : current)));
  };

  const cancel = async () => {
    if (job) update(await api['jobs.cancel']({ jobId: job.jobId }));
  };

  return { job, start, cancel };
}
