// A POST whose body is written only as fast as the server reads it, and no further once the
// answer has come: how the HTTP door's guards are seen to answer before a body is read.
import http from 'node:http';

export interface StreamedAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** Bytes of the body written before the answer came. */
  sent: number;
  /** The whole body had been sent (and ended) before the answer came. */
  ended: boolean;
}

export interface StreamedPost {
  path: string;
  /** The body; or `total` bytes of "a" (never held in memory whole). */
  body?: Uint8Array;
  total?: number;
  /** A Content-Length to declare; without it the body is chunked. */
  declared?: number;
  headers?: Record<string, string>;
  /** false: the body is never ended. */
  end?: boolean;
  pieceBytes?: number;
}

export function streamedPost(port: number, opts: StreamedPost): Promise<StreamedAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(opts.headers ?? {}) };
    if (opts.declared !== undefined) headers['content-length'] = String(opts.declared);
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: opts.path, headers, agent: false });
    const pieceBytes = opts.pieceBytes ?? 64 * 1024;
    const filler = Buffer.alloc(pieceBytes, 0x61);
    const total = opts.body?.length ?? opts.total ?? 0;
    let sent = 0;
    let answered = false;
    let ended = false;
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy(); // the rest of the body is not wanted
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try { body = JSON.parse(text); } catch { /* not JSON: the text */ }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sent, ended });
      });
    });
    // Once the answer is in, the server may close while we still write: that is not a failure.
    req.on('error', (err) => { if (!answered) reject(err); });
    const pump = () => {
      while (!answered && sent < total) {
        const size = Math.min(pieceBytes, total - sent);
        const more = req.write(opts.body ? opts.body.subarray(sent, sent + size) : filler.subarray(0, size));
        sent += size;
        if (!more) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered && !ended && opts.end !== false) {
        ended = true;
        req.end();
      }
    };
    req.flushHeaders();
    pump();
  });
}
