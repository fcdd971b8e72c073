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
    import_status: {
      imported: 'Imported',
      already_imported: 'Already imported',
      gap: 'Held: a batch is missing',
      out_of_order: 'Imported out of order',
      tampered: 'Refused: the file was altered',
      unknown_office: 'Refused: office not known',
      malformed: 'Refused: damaged file',
    },
    import: {
      imported: 'Batch {{seq}} from {{office}} imported.',
      imported_dry: 'Batch {{seq}} from {{office}} can be imported; nothing was saved yet.',
      out_of_order: 'Batch {{seq}} from {{office}} imported although batch {{missing}} has not arrived.',
      out_of_order_dry: 'Batch {{seq}} from {{office}} can be imported although batch {{missing}} has not arrived; nothing was saved yet.',
      already_imported: 'Batch {{seq}} from {{office}} was already imported; nothing changed.',
      gap: 'Batch {{missing}} from {{office}} is missing: ask {{office}} to send it again. Batch {{seq}} is kept and waits.',
      seq_reused: 'Batch {{seq}} from {{office}} differs from the batch {{seq}} already imported: the batch history was altered. Nothing was imported.',
      chain_broken: 'Batch {{seq}} from {{office}} does not follow the batch {{previous}} already imported. Nothing was imported.',
      other_city: 'The batch from {{office}} ({{code}}) is not from a kecamatan of {{city}}.',
      office_changed: 'Region code {{code}} is already used by another office sending here. Nothing was imported.',
      dry_run: 'dry run',
      summary: '{{created}} new, {{updated}} updated, {{unchanged}} unchanged, {{removed}} removed, {{rejected}} rejected.',
      fingerprint: 'The sender key fingerprint starts with {{fingerprint}}: compare it with the kecamatan\'s fingerprint, then import its trust file (bangkom trust import).',
      rejected: {
        other_office: 'this row belongs to another office',
        unknown_entity: 'unknown kind of data',
      },
    },
    kind: {
      full: 'Full',
      incremental: 'Changes',
    },
  },
};
