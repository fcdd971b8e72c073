// Numbers in Indonesian words ("terbilang"), as certificates print JP: "20 (dua puluh) JP",
// "1,5 (satu koma lima) JP". Whole numbers up to 999 999 999; a fraction is read digit by digit
// after "koma", the way Indonesians read decimals aloud ("1,25" → "satu koma dua lima").

const ONES = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;

/** The largest whole number terbilang reads. */
export const TERBILANG_MAX = 999_999_999;

/** 0 … 999: "sebelas", "dua belas", "seratus", "seratus sebelas". Empty for 0. */
function hundreds(n: number): string {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 1) words.push('seratus');
  else if (h > 1) words.push(`${ONES[h]} ratus`);
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(`${ONES[rest - 10]} belas`);
  else if (rest >= 20) {
    words.push(`${ONES[Math.floor(rest / 10)]} puluh`);
    if (rest % 10) words.push(ONES[rest % 10]!);
  } else if (rest > 0) words.push(ONES[rest]!);
  return words.join(' ');
}

function wholeWords(n: number): string {
  if (n === 0) return 'nol';
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  const words: string[] = [];
  if (millions) words.push(`${hundreds(millions)} juta`);
  if (thousands === 1) words.push('seribu');
  else if (thousands) words.push(`${hundreds(thousands)} ribu`);
  if (rest) words.push(hundreds(rest));
  return words.join(' ');
}

/**
 * The digits after the decimal comma of `n` as printed with at most `decimals` places, trailing
 * zeros dropped: 1.5 → "5", 1.25 → "25", 2 → "". Floating-point noise (1.1 + 0.2) is rounded away.
 */
function fractionDigits(n: number, decimals: number): { whole: number; fraction: string } {
  const fixed = n.toFixed(decimals);
  const [whole, fraction = ''] = fixed.split('.');
  return { whole: Number(whole), fraction: fraction.replace(/0+$/, '') };
}

function check(n: number): void {
  if (!Number.isFinite(n) || n < 0 || n > TERBILANG_MAX + 0.995) {
    throw new RangeError(`terbilang: ${n} is outside 0 … ${TERBILANG_MAX}`);
  }
}

/**
 * Indonesian words for a number: terbilang(21) → "dua puluh satu", terbilang(1000) → "seribu",
 * terbilang(1.5) → "satu koma lima". Fractions are rounded to `decimals` places (default 2, as JP
 * are kept to hundredths) and read digit by digit. Throws RangeError for negative numbers, NaN
 * and numbers above 999 999 999.
 */
export function terbilang(n: number, decimals = 2): string {
  check(n);
  const { whole, fraction } = fractionDigits(n, decimals);
  if (whole > TERBILANG_MAX) throw new RangeError(`terbilang: ${n} is outside 0 … ${TERBILANG_MAX}`);
  const words = wholeWords(whole);
  if (!fraction) return words;
  return `${words} koma ${[...fraction].map((d) => ONES[Number(d)]).join(' ')}`;
}

/** A number the Indonesian way: decimal comma, at most `decimals` places, no trailing zeros ("1,5", "20"). */
export function formatDecimal(n: number, decimals = 2): string {
  check(n);
  const { whole, fraction } = fractionDigits(n, decimals);
  return fraction ? `${whole},${fraction}` : String(whole);
}

/** JP in figures and words, as certificates print them: 20 → "20 (dua puluh)", 1.5 → "1,5 (satu koma lima)". */
export function jpInFiguresAndWords(jp: number): string {
  return `${formatDecimal(jp)} (${terbilang(jp)})`;
}
