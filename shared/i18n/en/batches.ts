import type { batches as id } from '../id/batches.ts';

export const batches: typeof id = {
  batches: {
    read: {
      not_zip: 'This file is not a complete Bangkom batch (not a zip, or cut short).',
      missing_file: 'The batch is incomplete: {{file}} is missing from it.',
      manifest_invalid: 'The batch manifest (manifest.json) is damaged or unknown.',
      unsupported_version: 'Batch format version {{version}} is not known yet. Update Bangkom.',
      row_invalid: 'Line {{line}} of {{file}} cannot be read.',
      count_mismatch: 'The number of rows of {{file}} ({{found}}) differs from the manifest ({{expected}}).',
      bad_signature: 'The batch signature does not match: the file was altered or damaged.',
      hash_mismatch: 'The content of {{file}} is not what was signed: the file was altered or damaged.',
      file_damaged: '{{file}} inside the batch is damaged and cannot be opened.',
      unexpected_file: 'The batch holds a file {{file}} that was not signed.',
      unknown_key: 'The batch from office {{office}} is signed by a key not trusted here.',
      key_other_office: 'The signing key belongs to office {{owner}}, not to office {{office}}.',
    },
    state: {
      dibuat: 'Made',
      dikirim: 'Sent',
      diterima: 'Accepted',
      ditolak: 'Rejected',
    },
    kind: {
      full: 'Full',
      incremental: 'Changes',
    },
  },
};
