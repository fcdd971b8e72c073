// The backend's messages about training records (`records.*`).
const ON = '{{startAt, datetime(day: numeric; month: long; year: numeric; timeZone: UTC)}}';

export const records = {
  records: {
    not_found: 'Catatan pelatihan tidak ditemukan.',
    employee_removed: '{{name}} sudah dihapus dari daftar pegawai. Pulihkan datanya dulu bila pelatihan ini memang miliknya.',
    jp_required: 'Isi JP sesuai sertifikat, atau isi jam belajar atau jumlah sesi agar JP dihitung menurut aturan {{method}}.',
    jp_contradicts_rule: 'Menurut aturan {{method}}, JP-nya {{computed}}. Bila sertifikat menyebut JP lain, isi alasannya.',
    duplicate: `Pelatihan ini sudah tercatat untuk {{name}} (NIP {{nipText}}): "{{title}}", mulai ${ON}. Pelatihan yang sama tidak dicatat dua kali.`,
    duplicate_certificate: `Nomor sertifikat {{certificateNumber}} sudah tercatat pada "{{title}}" milik {{name}} (NIP {{nipText}}), mulai ${ON}. Satu sertifikat tidak dicatat dua kali.`,
    duplicate_office_event: `Ini kegiatan kantor sendiri, "{{eventName}}" (mulai ${ON}), yang diikuti {{name}}: JP-nya dihitung dari daftar hadir, tidak dicatat lagi sebagai pelatihan luar.`,
    duplicate_office_certificate: 'Nomor sertifikat {{certificateNumber}} diterbitkan kantor ini untuk kegiatan "{{eventName}}": JP-nya dihitung dari kegiatan itu, tidak dicatat lagi sebagai pelatihan luar.',
    duplicate_office_event_row: 'Ini kegiatan kantor sendiri ("{{eventName}}") yang diikuti orang ini; JP-nya sudah dihitung dari daftar hadir, tidak diimpor.',
    duplicate_existing: 'Pelatihan ini sudah tercatat untuk orang ini pada tanggal yang sama; tidak diimpor lagi.',
    duplicate_certificate_existing: 'Nomor sertifikat {{certificateNumber}} sudah tercatat; tidak diimpor lagi.',
    duplicate_in_file: 'Sama dengan baris {{row}} di berkas ini; tidak diimpor dua kali.',
    scan_not_allowed: 'Pindaian harus berkas PDF, JPG, atau PNG. Berkas ini bukan salah satunya (dilihat dari isinya, bukan dari namanya).',
    scan_too_large: 'Berkas pindaian terlalu besar (maksimal {{maxMb}} MB). Pindai ulang dengan resolusi lebih rendah.',
    no_scan: 'Catatan pelatihan ini tidak memiliki pindaian sertifikat.',
    scan_missing: 'Berkas pindaian sertifikat tidak ada di folder data ini (mungkin data dipulihkan dari cadangan atau dipindah dari komputer lain). Unggah pindaiannya lagi.',
    scan_damaged: 'Berkas pindaian sertifikat di folder data rusak (isinya tidak cocok dengan yang disimpan). Unggah pindaiannya lagi.',
    title_not_mapped: 'Tidak ada kolom yang dipetakan ke nama pelatihan.',
    start_not_mapped: 'Tidak ada kolom yang dipetakan ke tanggal mulai.',
    method_unknown: 'Jenis pengembangan "{{value}}" tidak dikenal. Isi nomor 1–25 dari daftar jenis diklat SIASN atau namanya, mis. 16 atau E-Learning.',
    method_required: 'Jenis pengembangan kosong. Isi kolomnya, atau pilih jenis bawaan untuk berkas ini (di baris perintah --method).',
    number_invalid: '"{{value}}" bukan angka yang dapat dibaca. Tulis seperti 3 atau 3,5.',
    name_differs: 'Nama di berkas "{{name}}" berbeda dengan nama pemilik NIP ini di daftar pegawai ({{rosterName}}). Periksa NIP-nya.',
    rule: {
      unknown: 'Jenis pengembangan tidak dikenal.',
      actual: 'Sesuai jam belajar: 1 JP = {{minutes}} menit.',
      actual_bonus: 'Sesuai jam belajar (1 JP = {{minutes}} menit), ditambah {{bonusPct}}% untuk kegiatan internasional.',
      per_day: '{{perDay}} JP per hari × {{days}} hari.',
      cap_per_day: 'Sesuai jam belajar (1 JP = {{minutes}} menit), paling banyak {{cap}} JP per hari × {{days}} hari.',
      per_session: '{{jp}} JP per sesi, paling banyak {{maxPerMonth}} sesi per bulan ({{months}} bulan).',
      per_activity: '{{jp}} JP per kegiatan.',
    },
  },
};
