// SQLite's integrity_check finds broken structure, not a flipped byte inside a name or a date.
// Each backup therefore ends with a 64-byte trailer holding the SHA-256 of the database bytes
// before it; SQLite reads only the pages its header counts, so the file still opens as an
// ordinary database. A copy damaged anywhere (USB stick, interrupted copy) is refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

export const TRAILER_SIZE = 64;
const MAGIC = Buffer.from('BANGKOM-BACKUP\x01\0', 'latin1'); // 16 bytes; the last but one is the trailer version
const CHUNK = 1 << 20;

function hashRange(fd: number, length: number, copyTo?: number): Buffer {
  const hash = crypto.createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  let pos = 0;
  while (pos < length) {
    const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, length - pos), pos);
    if (n <= 0) throw Object.assign(new Error('unexpected end of file'), { code: 'EOF' });
    const chunk = buf.subarray(0, n);
    hash.update(chunk);
    if (copyTo !== undefined) fs.writeSync(copyTo, chunk, 0, n, pos);
    pos += n;
  }
  return hash.digest();
}

function trailer(length: number, digest: Buffer): Buffer {
  const t = Buffer.alloc(TRAILER_SIZE);
  MAGIC.copy(t, 0);
  t.writeBigUInt64BE(BigInt(length), 16);
  digest.copy(t, 24);
  return t;
}

/** Appends the trailer to a finished database file. */
export function appendChecksum(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const length = fs.fstatSync(fd).size;
    sealWith(fd, length, hashRange(fd, length));
  } finally {
    fs.closeSync(fd);
  }
}

function sealWith(fd: number, length: number, digest: Buffer): void {
  fs.writeSync(fd, trailer(length, digest), 0, TRAILER_SIZE, length);
}

// The same read-and-hash loop as hashRange, as a self-contained script: it runs in a worker
// thread (no bundling concerns for a string) while the main thread runs SQLite's checks.
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const hash = require('node:crypto').createHash('sha256');
const fd = fs.openSync(workerData.file, 'r');
const buf = Buffer.allocUnsafe(${CHUNK});
try {
  for (let pos = 0; pos < workerData.length;) {
    const n = fs.readSync(fd, buf, 0, Math.min(buf.length, workerData.length - pos), pos);
    if (n <= 0) throw new Error('unexpected end of file');
    hash.update(buf.subarray(0, n));
    pos += n;
  }
} finally {
  fs.closeSync(fd);
}
parentPort.postMessage(hash.digest());
`;

/**
 * Starts hashing a finished database file in a worker thread; `seal()` appends the trailer once
 * the hash is done. The integrity check runs meanwhile on the calling thread, so a backup pays
 * for the longer of the two, not their sum.
 */
export function startChecksum(file: string): { seal(): Promise<void> } {
  const length = fs.statSync(file).size;
  const digest = new Promise<Buffer>((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: { file, length } });
    worker.once('message', (d: Uint8Array) => resolve(Buffer.from(d)));
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`checksum worker ended with ${code}`)); });
  });
  // A failed check may never call seal(): keep the rejection from going unhandled.
  digest.catch(() => undefined);
  return {
    async seal() {
      const d = await digest;
      const fd = fs.openSync(file, 'r+');
      try {
        if (fs.fstatSync(fd).size !== length) throw new Error('backup changed while its checksum was computed');
        sealWith(fd, length, d);
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

export interface TrailerReading {
  /** No trailer: a plain database file (or one cut exactly where the trailer began). */
  present: boolean;
  /** Bytes of the database before the trailer (the whole file when there is none). */
  dbLength: number;
  /** Whether the stored checksum matches; true when there is no trailer to check. */
  matches: boolean;
}

function readTrailer(fd: number, size: number): { dbLength: number; digest: Buffer } | null {
  if (size < TRAILER_SIZE + 100) return null;
  const t = Buffer.alloc(TRAILER_SIZE);
  fs.readSync(fd, t, 0, TRAILER_SIZE, size - TRAILER_SIZE);
  if (!t.subarray(0, 16).equals(MAGIC)) return null;
  const dbLength = Number(t.readBigUInt64BE(16));
  if (dbLength !== size - TRAILER_SIZE) return null;
  return { dbLength, digest: t.subarray(24, 56) };
}

/** Checks a file's trailer (reads the whole file once). */
export function verifyChecksum(file: string): TrailerReading {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const found = readTrailer(fd, size);
    if (!found) return { present: false, dbLength: size, matches: true };
    return { present: true, dbLength: found.dbLength, matches: hashRange(fd, found.dbLength).equals(found.digest) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Copies the database part of `source` (without the trailer) to `dest`, checking the checksum
 * on the way: one read of the backup for both. `dest` is flushed to disk.
 */
export function copyVerified(source: string, dest: string): TrailerReading {
  const src = fs.openSync(source, 'r');
  try {
    const size = fs.fstatSync(src).size;
    const found = readTrailer(src, size);
    const dbLength = found?.dbLength ?? size;
    const out = fs.openSync(dest, 'wx', 0o600);
    try {
      const digest = hashRange(src, dbLength, out);
      fs.fsyncSync(out);
      return { present: found !== null, dbLength, matches: found ? digest.equals(found.digest) : true };
    } finally {
      fs.closeSync(out);
    }
  } finally {
    fs.closeSync(src);
  }
}
