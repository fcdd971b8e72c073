// Batches to the city office (`batches.*`): why a batch file is refused, its states and kinds.
export const batches = {
  batches: {
    read: {
      not_zip: 'Berkas ini bukan kiriman Bangkom yang utuh (bukan zip, atau terpotong).',
      missing_file: 'Kiriman tidak lengkap: {{file}} tidak ada di dalamnya.',
      manifest_invalid: 'Daftar isi kiriman (manifest.json) rusak atau tidak dikenal.',
      unsupported_version: 'Versi format kiriman {{version}} belum dikenal. Perbarui Bangkom.',
      row_invalid: 'Baris {{line}} di {{file}} tidak dapat dibaca.',
      count_mismatch: 'Jumlah baris {{file}} ({{found}}) tidak sama dengan daftar isi ({{expected}}).',
      bad_signature: 'Tanda tangan kiriman tidak cocok: berkas diubah atau rusak.',
      hash_mismatch: 'Isi {{file}} tidak sama dengan yang ditandatangani: berkas diubah atau rusak.',
      file_damaged: '{{file}} di dalam kiriman rusak dan tidak dapat dibuka.',
      unexpected_file: 'Kiriman memuat berkas {{file}} yang tidak ditandatangani.',
      unknown_key: 'Kiriman dari kantor {{office}} ditandatangani kunci yang belum dipercaya di sini.',
      key_other_office: 'Kunci penanda tangan milik kantor {{owner}}, bukan kantor {{office}}.',
    },
    state: {
      dibuat: 'Dibuat',
      dikirim: 'Dikirim',
      diterima: 'Diterima',
      ditolak: 'Ditolak',
    },
    kind: {
      full: 'Lengkap',
      incremental: 'Perubahan',
    },
  },
};
