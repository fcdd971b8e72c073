import { randomUUID } from 'node:crypto';
import { ApiError, type ErrorCode } from '../../../shared/contract/errors.ts';
import { storageError } from '../db/storage-errors.ts';
import type { JobEvent, JobStatus } from '../../../shared/contract/jobs.ts';

export interface JobControl {
  signal: AbortSignal;
  progress(done: number, total: number, step?: string | null): void;
}

type Listener = (event: JobEvent) => void;

/** A failed job's error as the client sees it: typed where we know what happened. */
function jobError(err: unknown): { code: ErrorCode; message: string } {
  const known = err instanceof ApiError ? err : storageError(err);
  if (known) return { code: known.code, message: known.message };
  console.error('[backend] job failed:', err);
  return { code: 'INTERNAL', message: 'Terjadi kesalahan internal. Coba lagi; jika berulang, hubungi admin.' };
}

/**
 * Long work runs as a job: the caller gets an id at once, progress goes to listeners (the
 * doors forward it as IPC events or Server-Sent Events), and `cancel` aborts it.
 * Finished jobs are kept briefly so a late `jobs.get` still sees the result.
 */
export class JobRunner {
  private readonly jobs = new Map<string, { status: JobStatus; abort: AbortController; ownerId: string | null }>();
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(kind: string, ownerId: string | null, work: (job: JobControl) => Promise<unknown>): JobStatus {
    const jobId = randomUUID();
    const abort = new AbortController();
    const status: JobStatus = { jobId, kind, state: 'running', done: 0, total: 0, step: null, error: null };
    this.jobs.set(jobId, { status, abort, ownerId });
    const control: JobControl = {
      signal: abort.signal,
      progress: (done, total, step = null) => {
        if (status.state !== 'running') return;
        Object.assign(status, { done, total, step });
        this.emit(status);
      },
    };
    // Start on the next turn so the caller has the id before the first event.
    setImmediate(() => {
      this.emit(status);
      work(control).then(
        (result) => this.finish(jobId, abort.signal.aborted ? { state: 'cancelled' } : { state: 'done', result }),
        (err: unknown) => this.finish(jobId, abort.signal.aborted
          ? { state: 'cancelled' }
          : { state: 'failed', error: jobError(err) }),
      );
    });
    return { ...status };
  }

  get(jobId: string, requesterId: string | null): JobStatus {
    return { ...this.find(jobId, requesterId).status };
  }

  cancel(jobId: string, requesterId: string | null): JobStatus {
    const job = this.find(jobId, requesterId);
    if (job.status.state === 'running') job.abort.abort();
    return { ...job.status };
  }

  private find(jobId: string, requesterId: string | null) {
    const job = this.jobs.get(jobId);
    // Someone else's job is reported as missing, not as forbidden.
    if (!job || (job.ownerId !== null && requesterId !== null && job.ownerId !== requesterId)) {
      throw new ApiError('NOT_FOUND', 'Pekerjaan tidak ditemukan.');
    }
    return job;
  }

  private finish(jobId: string, patch: Partial<JobStatus>): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    Object.assign(job.status, patch);
    this.emit(job.status);
    setTimeout(() => this.jobs.delete(jobId), 10 * 60_000).unref();
  }

  private emit(status: JobStatus): void {
    const event = { ...status };
    for (const listener of this.listeners) listener(event);
  }
}

/** Yields to the event loop so progress is sent and a cancel is seen between chunks. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
