// Region lists write provinces and regencies in capitals ("KOTA PALEMBANG"); people read
// "Kota Palembang". Abbreviations that stay capitalised are kept.
const KEEP_UPPER = new Set(['DKI', 'DI']);

export function titleCaseRegion(name: string): string {
  return name
    .toLowerCase()
    .split(/(\s+|-|\()/)
    .map((part) => (KEEP_UPPER.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}
