// Long work runs as a job: an id at once, progress as events (backend listener, HTTP SSE),
// a final state with the result, cancel, and jobs are private to the user who started them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../shared/contract/jobs.ts';
import { addOperator, type TestBackend } from '../helpers/backend.ts';
import { officeWithServer, type TestServer } from '../helpers/http.ts';

let t: TestBackend;
let server: TestServer;
let adminToken: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, server, adminToken, close } = await officeWithServer());
});
afterAll(() => close());

/** Collects a job's events until it leaves 'running'. Subscribe before starting the job. */
function collect(): { events: JobEvent[]; finished: (jobId: string) => Promise<JobEvent[]> } {
  const all: JobEvent[] = [];
  let onEvent: (() => void) | null = null;
  const off = t.backend.onJobEvent((e) => { all.push(e); onEvent?.(); });
  return {
    events: all,
    finished: (jobId) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => { off(); reject(new Error(`job ${jobId} did not finish: ${JSON.stringify(all)}`)); }, 5000);
      const check = () => {
        const mine = all.filter((e) => e.jobId === jobId);
        if (mine.some((e) => e.state !== 'running')) { clearTimeout(timer); off(); resolve(mine); }
      };
      onEvent = check;
      check();
    }),
  };
}

/** Parses a Server-Sent Events body into its events. */
function parseSse(body: string): { event: string; data: JobEvent }[] {
  return body.split('\n\n').filter((block) => block.trim()).map((block) => {
    const lines = block.split('\n');
    const event = lines.find((l) => l.startsWith('event: '))!.slice(7);
    const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
    return { event, data: JSON.parse(data) as JobEvent };
  });
}

describe('maintenance.check', () => {
  it('returns a job id at once; its events end in done with the report', async () => {
    const c = collect();
    const { jobId } = await t.ok('maintenance.check', {}, adminToken);
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const events = await c.finished(jobId);
    expect(events[0]).toMatchObject({ jobId, kind: 'maintenance.check', state: 'running' });
    const last = events[events.length - 1]!;
    expect(last).toMatchObject({ jobId, state: 'done', done: 2, total: 2, error: null, result: { ok: true, integrity: [], foreignKeys: [] } });
    expect(events.slice(0, -1).every((e) => e.state === 'running')).toBe(true);
    const done = events.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // A late look still sees the result.
    expect(await t.ok('jobs.get', { jobId }, adminToken)).toMatchObject({ state: 'done', result: { ok: true } });
  });

  it('the check is written to the audit log', async () => {
    const c = collect();
    const { jobId } = await t.ok('maintenance.check', {}, adminToken);
    await c.finished(jobId);
    const { entries } = await t.ok('audit.list', { limit: 5 }, adminToken);
    expect(entries.find((e) => e.action === 'maintenance.check')).toMatchObject({ username: 'admin', details: { ok: true } });
  });

  it('jobs.cancel on a finished job returns its (final) state and changes nothing', async () => {
    const c = collect();
    const { jobId } = await t.ok('maintenance.check', {}, adminToken);
    await c.finished(jobId);
    expect(await t.ok('jobs.cancel', { jobId }, adminToken)).toMatchObject({ jobId, state: 'done', result: { ok: true } });
    expect(await t.ok('jobs.get', { jobId }, adminToken)).toMatchObject({ state: 'done' });
  });

  it('a job cancelled while running ends as cancelled, without a result', async () => {
    const c = collect();
    const { jobId } = await t.ok('maintenance.check', {}, adminToken);
    const status = await t.ok('jobs.cancel', { jobId }, adminToken);
    expect(status.jobId).toBe(jobId);
    const events = await c.finished(jobId);
    expect(events[events.length - 1]).toMatchObject({ state: 'cancelled' });
    expect(events[events.length - 1]!.result).toBeUndefined();
  });

  it("another user's job is NOT_FOUND, for get and cancel alike; an unknown id too", async () => {
    const op = await addOperator(t, adminToken);
    const c = collect();
    const { jobId } = await t.ok('maintenance.check', {}, adminToken);
    await t.fails('jobs.get', { jobId }, 'NOT_FOUND', op.token);
    await t.fails('jobs.cancel', { jobId }, 'NOT_FOUND', op.token);
    await c.finished(jobId);
    await t.fails('jobs.get', { jobId: 'no-such-job' }, 'NOT_FOUND', adminToken);
    await t.fails('jobs.get', { jobId }, 'UNAUTHENTICATED', null);
    const sse = await server.get(`/api/jobs/${jobId}/events`, { token: op.token });
    expect(sse.status).toBe(404);
    expect(await sse.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('job progress over HTTP (Server-Sent Events)', () => {
  it('GET /api/jobs/<id>/events streams `event: job` messages ending in done', async () => {
    const started = await server.post('maintenance.check', {}, { token: adminToken });
    expect(started.status).toBe(200);
    const { jobId } = started.body.value as { jobId: string };
    const res = await server.get(`/api/jobs/${jobId}/events`, { token: adminToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = await res.text(); // the server ends the stream after the final state
    expect(body).toMatch(/^event: job\ndata: \{/);
    const events = parseSse(body);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.event === 'job' && e.data.jobId === jobId)).toBe(true);
    expect(events[events.length - 1]!.data).toMatchObject({ state: 'done', result: { ok: true } });
    expect(events.slice(0, -1).every((e) => e.data.state === 'running')).toBe(true);
  });

  it('a stream opened while a job runs delivers each progress step as it happens, then done, then ends', async () => {
    // A job whose pace the test sets, started on the backend's own runner for the admin.
    const adminId = (await t.ok('auth.me', {}, adminToken)).user!.id;
    let step!: () => void;
    const nextStep = () => new Promise<void>((resolve) => { step = resolve; });
    let gate = nextStep();
    const job = t.backend.jobs.start('test.paced', adminId, async ({ progress }) => {
      for (let i = 1; i <= 3; i++) {
        await gate;
        gate = nextStep();
        progress(i, 3, `langkah ${i}`);
      }
      return { steps: 3 };
    });
    const res = await server.get(`/api/jobs/${job.jobId}/events`, { token: adminToken });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    async function nextEvent(): Promise<JobEvent> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end + 2);
          buffer = buffer.slice(end + 2);
          return parseSse(block)[0]!.data;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended early');
        buffer += decoder.decode(value, { stream: true });
      }
    }
    expect(await nextEvent()).toMatchObject({ state: 'running', done: 0 });
    // Skip the runner's own start event if it came after the snapshot.
    let e = await (async () => { step(); return nextEvent(); })();
    if (e.done === 0) e = await nextEvent();
    expect(e).toMatchObject({ state: 'running', done: 1, total: 3, step: 'langkah 1' });
    step();
    expect(await nextEvent()).toMatchObject({ state: 'running', done: 2, step: 'langkah 2' });
    step();
    expect(await nextEvent()).toMatchObject({ state: 'running', done: 3, step: 'langkah 3' });
    expect(await nextEvent()).toMatchObject({ state: 'done', result: { steps: 3 } });
    const rest = await reader.read();
    expect(rest.done).toBe(true);
  });

  it('without a session the stream is refused with 401', async () => {
    const { jobId } = await t.ok('maintenance.check', {}, adminToken);
    const res = await server.get(`/api/jobs/${jobId}/events`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('an unknown job id is 404 NOT_FOUND', async () => {
    const res = await server.get('/api/jobs/00000000-0000-0000-0000-000000000000/events', { token: adminToken });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
