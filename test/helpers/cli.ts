// Runs the real `bangkom` command in-process and captures what it writes.
import { runCli } from '../../electron/cli/main.ts';

export interface CliRun { code: number; stdout: string; stderr: string }

export async function captureCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const realOut = process.stdout.write;
  const realErr = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => { out.push(String(chunk)); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => { err.push(String(chunk)); return true; }) as typeof process.stderr.write;
  let code: number;
  try {
    code = await runCli(argv);
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}
