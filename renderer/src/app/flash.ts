/** A message key and its parameters: translated when shown, so a language switch follows. */
export type Message = [key: string, params?: Record<string, string | number>];

/**
 * A message carried from one screen to the next ("Siti Aminah dihapus."): set before
 * navigating, taken once by the screen that shows it. Kept in memory only.
 */
export interface Flash {
  message: Message;
  /** Something the message offers to undo, e.g. restoring a removed employee. */
  undo?: { label: Message; done: Message; run(): Promise<void> };
}

let pending: Flash | null = null;

export function setFlash(flash: Flash): void {
  pending = flash;
}

export function takeFlash(): Flash | null {
  const flash = pending;
  pending = null;
  return flash;
}
