import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import Database from 'better-sqlite3';
import { villages } from '../electron/backend/services/regions.ts';
import { createBackend } from '../electron/backend/backend.ts';
import { createI18n, errorText } from '../shared/i18n/index.ts';
const v = await villages('16.71.14'); console.log(v.length, v.map(x=>x.code+' '+x.name));
// too new
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-'));
const f = path.join(dir, 'bangkom.sqlite');
const raw = new Database(f); raw.exec('create table x(a)'); raw.pragma('user_version = 99'); raw.close();
const before = fs.readFileSync(f); const st = fs.statSync(f).mtimeMs;
try { createBackend({ dataDir: dir }); } catch (e) { console.log((e as Error).message); }
console.log('same bytes', before.equals(fs.readFileSync(f)), st === fs.statSync(f).mtimeMs, fs.readdirSync(dir));
const { t } = createI18n('id');
console.log(errorText(t, { code: 'VALIDATION', message: 'x', details: { issues: [{ path: ['signer'], message: 'validation.invalid_type' }] } }));
