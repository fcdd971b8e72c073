// Impor kiriman at the city: what "Impor" does with the files a clerk dropped, judged from their
// dry runs — each office's batches in number order whatever order they were dropped in, a gap the
// list itself closes is no gap, the very same file twice is imported once, and refused files are
// left out (a key waiting to be trusted is kept, so it can be confirmed on the Kecamatan page).
import { describe, expect, it } from 'vitest';
import type { BatchImportResult } from '../../shared/contract/city.ts';
import { displayOrder, duplicateOf, importOrder, stillMissing, type DroppedBatch } from '../../renderer/src/features/city/importPlan.ts';
import { missingSeqs, shortOfficeName } from '../../renderer/src/features/city/format.ts';

const PLAJU = { id: 'plaju', code: '16.71.14', name: 'Kantor Kecamatan Plaju' };
const ILIR = { id: 'ilir', code: '16.71.01', name: 'Kantor Kecamatan Ilir Barat Dua' };

function dry(office: typeof PLAJU | null, seq: number | null, status: BatchImportResult['status'], extra: Partial<BatchImportResult> = {}): BatchImportResult {
  return {
    fileName: 'x.bkbatch', office, seq, sha256: office && seq ? `${office.code}-${seq}` : null, status, dryRun: true,
    created: 0, updated: 0, unchanged: 0, removed: 0, rejected: [], message: `batches.import.${status}_dry`, params: {},
    kid: null, fingerprint: null, counts: null, entities: {}, released: [], ...extra,
  };
}

let n = 0;
function dropped(result: BatchImportResult | null, name = `file-${++n}.bkbatch`): DroppedBatch {
  return { key: name, file: new File([new Uint8Array([1])], name), dry: result, preview: null, result: null, error: null };
}

const names = (items: DroppedBatch[]) => items.map((x) => `${x.dry?.office?.code ?? '-'}#${x.dry?.seq ?? '-'}`);

describe('what "Impor" sends', () => {
  it('per office in batch-number order, whatever order the files were dropped in', () => {
    const items = [
      dropped(dry(PLAJU, 2, 'gap', { params: { missing: '1' } })),
      dropped(dry(ILIR, 1, 'imported')),
      dropped(dry(PLAJU, 1, 'imported')),
    ];
    expect(names(importOrder(items))).toEqual(['16.71.01#1', '16.71.14#1', '16.71.14#2']);
    expect(names(displayOrder(items))).toEqual(['16.71.01#1', '16.71.14#1', '16.71.14#2']);
  });

  it('a gap closed by a file in the list waits for nothing; one that is not names the batches to ask for', () => {
    const two = dropped(dry(PLAJU, 2, 'gap', { params: { missing: '1' } }));
    const one = dropped(dry(PLAJU, 1, 'imported'));
    expect(stillMissing(two, [two, one])).toEqual([]);
    const seven = dropped(dry(PLAJU, 7, 'gap', { params: { missing: '5–6' } }));
    const six = dropped(dry(PLAJU, 6, 'gap', { params: { missing: '5' } }));
    expect(stillMissing(seven, [seven, six])).toEqual([5]);
    expect(stillMissing(six, [seven, six])).toEqual([5]);
    // Another office's batch 5 closes nothing.
    expect(stillMissing(seven, [seven, six, dropped(dry(ILIR, 5, 'imported'))])).toEqual([5]);
  });

  it('the same file dropped twice is imported once', () => {
    const a = dropped(dry(PLAJU, 1, 'imported'), 'kiriman.bkbatch');
    const b = dropped(dry(PLAJU, 1, 'imported'), 'kiriman (1).bkbatch');
    expect(duplicateOf(b, [a, b])).toBe(a);
    expect(duplicateOf(a, [a, b])).toBeNull();
    expect(importOrder([a, b])).toEqual([a]);
  });

  it('replays, tampered, broken and foreign files are left out; a key waiting to be trusted and a held batch are sent', () => {
    const items = [
      dropped(dry(PLAJU, 1, 'already_imported')),
      dropped(dry(null, null, 'tampered', { message: 'batches.read.hash_mismatch' })),
      dropped(dry(null, null, 'malformed', { message: 'batches.read.not_zip' })),
      dropped(dry({ id: 'x', code: '16.72.01', name: 'Kantor Kecamatan Lain' }, 1, 'unknown_office', { message: 'batches.import.other_city' })),
      dropped(dry(ILIR, 1, 'unknown_office', { message: 'batches.import.confirm_key_dry' })),
      dropped(dry(PLAJU, 4, 'gap', { params: { missing: '3' } })),
      dropped(null),
    ];
    expect(names(importOrder(items))).toEqual(['16.71.01#1', '16.71.14#4']);
    // Imported already: not sent again.
    const done = { ...items[5]!, result: dry(PLAJU, 4, 'gap') };
    expect(importOrder([done])).toEqual([]);
  });
});

describe('words of the city screens', () => {
  it('missing batches as the backend says them', () => {
    expect(missingSeqs('6')).toEqual([6]);
    expect(missingSeqs('6–8')).toEqual([6, 7, 8]);
    expect(missingSeqs('')).toEqual([]);
  });

  it('a kecamatan by its name', () => {
    expect(shortOfficeName('Kantor Kecamatan Plaju')).toBe('Plaju');
    expect(shortOfficeName('Kecamatan Ilir Barat Dua')).toBe('Ilir Barat Dua');
    expect(shortOfficeName('Plaju')).toBe('Plaju');
  });
});
