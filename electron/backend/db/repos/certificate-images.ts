import type { Db } from '../open.ts';
import { sql } from '../statements.ts';

/** The scanned signature and stamp certificates may print (office-local, like the logo). */
export type ImageKind = 'signature' | 'stamp';

export function certificateImage(db: Db, kind: ImageKind): { mime: string; data: Buffer } | null {
  return (sql(db, 'SELECT mime, data FROM certificate_images WHERE kind = ?').get(kind) as { mime: string; data: Buffer } | undefined) ?? null;
}

export function setCertificateImage(db: Db, kind: ImageKind, image: { mime: string; data: Buffer } | null, at: string, by: string | null): void {
  if (!image) sql(db, 'DELETE FROM certificate_images WHERE kind = ?').run(kind);
  else {
    sql(db, `INSERT INTO certificate_images (kind, mime, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (kind) DO UPDATE SET mime = excluded.mime, data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by`)
      .run(kind, image.mime, image.data, at, by);
  }
}
