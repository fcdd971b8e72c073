// "The same training twice": one person, one title (however it is spelled), the same dates; or
// one certificate number on two records. Both doors (a form, an import) build the same keys.
import { foldCase } from '../../../shared/domain/header-matcher.ts';

/** Case, accents, spaces and punctuation dropped: "Pelatihan  SIAK." and "pelatihan siak" are one title. */
export function titleKey(title: string): string {
  // Plain ASCII (most titles) has no accents to strip and no letters beyond a–z.
  if (/^[\x20-\x7e]*$/.test(title)) return title.toLowerCase().replace(/[^a-z0-9]/g, '');
  return foldCase(title).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A certificate number as stored: trimmed, inner spaces collapsed; null when blank. Numbers are
 * compared as stored (case kept: "800/12/BPSDM" is what the certificate says).
 */
export function certificateNumberOf(text: string): string | null {
  const number = text.replace(/\s+/g, ' ').trim();
  return number || null;
}

export interface TrainingKey { employeeId: string; titleKey: string; startDate: string; endDate: string }

export function trainingKey(k: TrainingKey): string {
  return `${k.employeeId}\u0000${k.titleKey}\u0000${k.startDate}\u0000${k.endDate}`;
}
