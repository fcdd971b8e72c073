// Scanned certificates: kept as files in <data>/scans named by their SHA-256, so the same file
// uploaded twice is stored once and a name can never point outside the folder. What a file is
// comes from its first bytes, never from its name: an .exe renamed .pdf is refused. The files
// are only ever read back as bytes for a download; nothing here opens, decodes or runs them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors.ts';
import { SCAN_MAX_BYTES, SCAN_MAX_MB } from '../../../shared/contract/records.ts';
import { writeFileAtomic } from '../files.ts';
import type { ScanType } from '../db/repos/records.ts';

export const SCANS_DIR = 'scans';

const EXTENSION: Record<ScanType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

const startsWith = (data: Uint8Array, bytes: number[]) => data.length >= bytes.length && bytes.every((b, i) => data[i] === b);

/** PDF, JPEG or PNG by the file's signature; null for anything else. */
export function detectScanType(data: Uint8Array): ScanType | null {
  if (startsWith(data, PDF)) return 'application/pdf';
  if (startsWith(data, JPEG)) return 'image/jpeg';
  if (startsWith(data, PNG)) return 'image/png';
  return null;
}

export interface CheckedScan {
  data: Buffer;
  sha256: string;
  mimeType: ScanType;
  size: number;
  /** The name as the clerk's file had it, without any folder (shown in lists, never used as a path). */
  fileName: string;
}

/** The name's last part, without control characters: "C:\\Users\\x\\sertifikat.pdf" → "sertifikat.pdf". */
function plainName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 200) || 'pindaian';
}

/** Checks an upload without writing anything: VALIDATION on `scan` for the wrong kind or size. */
export function checkScan(upload: { fileName: string; dataBase64: string }): CheckedScan {
  const data = Buffer.from(upload.dataBase64, 'base64');
  if (data.length > SCAN_MAX_BYTES) throw ApiError.field(['scan'], 'records.scan_too_large', { maxMb: SCAN_MAX_MB });
  const mimeType = data.length ? detectScanType(data) : null;
  if (!mimeType) throw ApiError.field(['scan'], 'records.scan_not_allowed');
  return { data, mimeType, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), fileName: plainName(upload.fileName) };
}

/** The extensions a stored scan's file may have. */
export const SCAN_EXTENSIONS: readonly string[] = Object.values(EXTENSION);

/**
 * A scan's file inside the data folder, as "scans/<sha256>.<ext>" ("/" whatever the system), or
 * null when the stored hash or type cannot name one.
 */
export function scanRelativePath(sha256: string, mimeType: string): string | null {
  // The stored hash is 64 hex digits and the type one of three (CHECKs in migration 006); checked
  // again so a bad row can never name a file elsewhere.
  const ext = Object.hasOwn(EXTENSION, mimeType) ? EXTENSION[mimeType as ScanType] : undefined;
  return ext && /^[0-9a-f]{64}$/.test(sha256) ? `${SCANS_DIR}/${sha256}.${ext}` : null;
}

export function scanPath(dataDir: string, sha256: string, mimeType: ScanType): string {
  const relative = scanRelativePath(sha256, mimeType);
  if (!relative) throw new ApiError('DB_CORRUPT', 'Data pindaian sertifikat rusak.');
  return path.join(dataDir, ...relative.split('/'));
}

/**
 * Writes the scan unless its file is there already, intact (a damaged copy is replaced by the
 * upload). True when this call wrote it (so a write that fails afterwards can take it away again).
 */
export function storeScan(dataDir: string, scan: CheckedScan): boolean {
  const file = scanPath(dataDir, scan.sha256, scan.mimeType);
  const stored = readScan(dataDir, scan.sha256, scan.mimeType);
  if (stored && createHash('sha256').update(stored).digest('hex') === scan.sha256) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic(file, scan.data);
  if (process.platform !== 'win32') fs.chmodSync(file, 0o600);
  return true;
}

export function discardScan(dataDir: string, scan: Pick<CheckedScan, 'sha256' | 'mimeType'>): void {
  fs.rmSync(scanPath(dataDir, scan.sha256, scan.mimeType), { force: true });
}

/** The stored bytes, or null when the file is not in this data folder (a database moved or restored without it). */
export function readScan(dataDir: string, sha256: string, mimeType: ScanType): Buffer | null {
  try {
    return fs.readFileSync(scanPath(dataDir, sha256, mimeType));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** A file name safe on any system, with the extension of what the file really is. */
export function downloadName(fileName: string | null, mimeType: ScanType): string {
  const stem = (fileName ?? '').replace(/\.[^.]*$/, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'pindaian-sertifikat';
  return `${stem}.${EXTENSION[mimeType]}`;
}
