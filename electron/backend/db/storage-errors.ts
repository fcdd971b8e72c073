import { ApiError } from '../../../shared/contract/errors.ts';

/**
 * What really happens to a database on a clerk's PC, told apart from a program fault: another
 * Bangkom writing (busy), another program holding the file (locked), a full disk, a read-only
 * folder. Each gets its own code, so the message says what to do instead of "internal error".
 */
type StorageCode = 'DB_BUSY' | 'DB_LOCKED' | 'DISK_FULL' | 'READ_ONLY';

const MESSAGES: Record<StorageCode, string> = {
  DB_BUSY: 'Basis data sedang dipakai Bangkom lain (jendela aplikasi, `bangkom serve`, atau perintah bangkom) yang sedang menyimpan. Tunggu sebentar lalu coba lagi; tidak ada yang tersimpan setengah.',
  DB_LOCKED: 'Berkas basis data dikunci oleh program lain (mis. antivirus, program cadangan/sinkronisasi, atau berkas yang sedang dibuka). Tutup program itu lalu coba lagi; tidak ada yang tersimpan setengah.',
  DISK_FULL: 'Disk penuh: data tidak dapat disimpan. Kosongkan ruang disk (hapus berkas yang tidak perlu) lalu coba lagi; tidak ada yang tersimpan setengah.',
  READ_ONLY: 'Folder data hanya dapat dibaca: data tidak dapat disimpan. Pastikan folder data bukan di CD/USB yang dikunci dan pengguna ini berhak menulis ke sana.',
};

function classify(code: string | undefined): StorageCode | null {
  if (!code) return null;
  // SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT: another connection holds the write lock.
  if (code.startsWith('SQLITE_BUSY')) return 'DB_BUSY';
  // The OS refused a lock (Windows sharing violations, a program holding the file).
  if (code.startsWith('SQLITE_LOCKED') || code === 'SQLITE_IOERR_LOCK' || code === 'SQLITE_IOERR_SHMLOCK' || code === 'SQLITE_IOERR_RDLOCK' || code === 'EBUSY') return 'DB_LOCKED';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'DISK_FULL';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'READ_ONLY';
  return null;
}

/**
 * The storage error an exception stands for, or null for anything else. `otherBangkoms` tells
 * who else has the data folder open: a write lock held past the busy timeout while no other
 * Bangkom is running belongs to some other program.
 */
export function storageError(err: unknown, otherBangkoms?: () => string): ApiError | null {
  if (err instanceof ApiError) return null;
  let found = classify((err as { code?: string } | null)?.code);
  if (!found) return null;
  const details: Record<string, unknown> = { reason: (err as Error).message };
  if (found === 'DB_BUSY' && otherBangkoms) {
    const who = otherBangkoms();
    if (who) details.who = who;
    else found = 'DB_LOCKED';
  }
  return new ApiError(found, MESSAGES[found], details);
}

/** Rethrows a storage failure as its typed error; anything else unchanged. */
export function asStorageError(err: unknown): unknown {
  return storageError(err) ?? err;
}
