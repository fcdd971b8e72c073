// The upload of a batch file to the city's receiver (`bangkom serve --receiver`): one POST of the
// raw file. Kept out of the contract so the sender, the receiver and the command line share it
// without loading the schemas.

/** Under the receiver's address: `http://10.10.1.5:4780/` + this. */
export const UPLOAD_PATH = 'api/batches.upload';

/** The batch's file name as the kecamatan named it (URI-encoded); the body is the file itself. */
export const FILE_NAME_HEADER = 'x-bangkom-file-name';

/**
 * The largest batch file the receiver takes. A year of a big kecamatan is a few MB; the bound
 * stays under what the contract's `batch.upload` carries once the file is in base64 (280 MB).
 */
export const UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

/** An upload token as the city hands it out: 32 random bytes, base64url (43 characters). */
export const UPLOAD_TOKEN_BYTES = 32;

/** Waits between upload tries of one batch: 30 s, 1, 2, 4, 8, 16 minutes, then every 30 minutes. */
export function sendBackoffMs(attempts: number): number {
  const first = 30_000;
  const cap = 30 * 60_000;
  return Math.min(cap, first * 2 ** Math.max(0, Math.min(attempts - 1, 16)));
}
