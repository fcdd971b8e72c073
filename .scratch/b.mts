import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../electron/backend/backend.ts';
import { inspectDatabaseFile } from '../electron/backend/db/open.ts';
import { runCli } from '../electron/cli/main.ts';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-'));
const f = path.join(dir, 'bangkom.sqlite');
const b = createBackend({ dataDir: dir });
const r = await b.call('office.setup', { regionCode: '16.71.14', name: 'Kantor', timezone: 'Asia/Jakarta', signer: { name: 'C', nip: '19700101 199003 1 002', title: 'Camat' }, admin: { username: 'admin', fullName: 'A', password: 'rahasia-admin' } }, { door: 'test' });
console.log(r.result.ok, r.session);
b.close();
console.log(fs.readdirSync(dir), fs.statSync(f).size);
const h = fs.readFileSync(f); console.log('pages', h.readUInt32BE(28), 'cc', h.readUInt32BE(24), h.readUInt32BE(92), 'ps', h.readUInt16BE(16));
console.log('healthy check code', await runCli(['--data', dir, 'db', 'check', '--json']), fs.readdirSync(dir));
console.log('again', await runCli(['--data', dir, 'db', 'check']));
// truncate
const t = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bk-')), 'bangkom.sqlite');
fs.writeFileSync(t, h.subarray(0, Math.floor(h.length/2)));
console.log(inspectDatabaseFile(t));
try { createBackend({ dataDir: path.dirname(t) }); } catch (e) { console.log((e as any).code, (e as Error).message); }
console.log('trunc check', await runCli(['--data', path.dirname(t), 'db', 'check']), process.exitCode);
console.log('healthy after', await runCli(['--data', dir, 'db', 'check']));
process.exitCode = 0;
