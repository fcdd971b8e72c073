/**
 * Certificate numbers follow the office's letter-numbering pattern (Permendagri 83/2022 archive
 * code 800.2.4 "Penyelenggaraan Diklat"), e.g. `800.2.4/{seq:3}/KEC-PLJ/{year}` →
 * `800.2.4/017/KEC-PLJ/2026`. The sequence is per year and never reused, so the pattern must
 * name both the sequence and the year: without the year, next January's 001 would repeat.
 */
export const DEFAULT_NUMBER_PATTERN = '800.2.4/{seq:3}/{year}';

const TOKEN = /\{([a-z_]+)(?::(\d))?\}/g;
const KNOWN = new Set(['seq', 'year', 'month', 'month_roman']);
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export interface NumberParts {
  seq: number;
  year: number;
  /** 1–12. */
  month: number;
}

export interface PatternProblem {
  code: string;
  params?: Record<string, string | number>;
}

/** Null when the pattern is usable; else a message key (validation.number_pattern_*) with params. */
export function numberPatternProblem(pattern: string): PatternProblem | null {
  if (!pattern.trim()) return { code: 'validation.required' };
  if (/[\u0000-\u001f\u007f]/.test(pattern)) return { code: 'validation.number_pattern_chars' };
  const names = [...pattern.matchAll(TOKEN)].map((m) => m[1]!);
  const unknown = names.find((n) => !KNOWN.has(n));
  if (unknown) return { code: 'validation.number_pattern_unknown', params: { token: `{${unknown}}` } };
  for (const required of ['seq', 'year']) {
    const times = names.filter((n) => n === required).length;
    if (times !== 1) return { code: 'validation.number_pattern_needs', params: { token: `{${required}}` } };
  }
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) return { code: 'validation.number_pattern_braces' };
  return null;
}

export function formatCertificateNumber(pattern: string, parts: NumberParts): string {
  return pattern.replace(TOKEN, (_all, name: string, width?: string) => {
    switch (name) {
      case 'seq': return String(parts.seq).padStart(width ? Number(width) : 1, '0');
      case 'year': return String(parts.year);
      case 'month': return String(parts.month).padStart(width ? Number(width) : 1, '0');
      case 'month_roman': return ROMAN[parts.month - 1] ?? '';
      default: return _all;
    }
  });
}
