import fs from 'node:fs';
import path from 'node:path';

/**
 * A file the office keeps (a print batch, an export) is written beside its name, flushed, and
 * renamed over it: a power cut leaves the old file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
