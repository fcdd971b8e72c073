import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint config is what keeps shared/ pure and electron/ out of the renderer; these prove
// it catches each crossing (and leaves allowed imports alone).
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('environment boundaries', () => {
  it('shared/ may not import Node, Electron, the backend or the DOM', async () => {
    expect(await ruleIds('shared/domain/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('shared/domain/x.ts', "import path from 'path';\nexport const a = path;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('shared/domain/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('shared/domain/x.ts', "import { openDatabase } from '../../electron/backend/db/open.ts';\nexport const a = openDatabase;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('shared/domain/x.ts', 'export const a = document.title;\n')).toContain('no-restricted-globals');
    expect(await ruleIds('shared/domain/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
  });

  it('renderer/ may import only shared/ and browser packages', async () => {
    expect(await ruleIds('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('renderer/src/x.ts', "import { createBackend } from '../../electron/backend/backend.ts';\nexport const a = createBackend;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('renderer/src/x.ts', "import { contract } from '../../shared/contract/index.ts';\nexport const a = contract;\n")).toEqual([]);
  });

  it('only electron/main and electron/preload import electron', async () => {
    expect(await ruleIds('electron/backend/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('electron/server/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    expect(await ruleIds('electron/preload/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toEqual([]);
  });
});
