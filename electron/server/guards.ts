// What the HTTP door checks before any route runs: that the request names this server in its
// Host header (a DNS-rebinding page reaches 127.0.0.1 under its own name, and on a fresh office
// could call office.setup), and that its body stays within a limit, refused before it is read.
import os from 'node:os';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contract, isMethodName } from '../../shared/contract/index.ts';
import { IMPORT_BASE64_MAX_LENGTH, IMPORT_MAX_BYTES } from '../../shared/contract/roster.ts';
import type { CallResult } from '../../shared/contract/errors.ts';
import { UPLOAD_MAX_BYTES } from '../../shared/domain/batch-upload.ts';

const MB = 1024 * 1024;

/** Every ordinary call fits easily; a 1 MB password is refused by the contract, not here. */
export const BODY_LIMIT_BYTES = 2 * MB;
/** A method carrying a file (base64 `dataBase64`): the file's base64 plus room for the other fields. */
export const UPLOAD_BODY_LIMIT_BYTES = IMPORT_BASE64_MAX_LENGTH + MB;
/** `batch.import`: a batch file of up to UPLOAD_MAX_BYTES in base64, plus room for the other fields. */
export const BATCH_IMPORT_BODY_LIMIT_BYTES = Math.ceil(UPLOAD_MAX_BYTES / 3) * 4 + MB;

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

export const MISDIRECTED_TEXT =
  'Bangkom tidak melayani alamat ini (Host tidak dikenal).\nBangkom does not answer to this host name.\n';

/** A name or address as it appears in a Host header: lower case, a bare IPv6 address in brackets. */
function hostForm(name: string): string {
  const n = name.trim().toLowerCase();
  return (n.match(/:/g)?.length ?? 0) >= 2 && !n.startsWith('[') ? `[${n}]` : n;
}

/** "kantor.local:8080" or "[fe80::1]:8080": a name given with its port. */
const WITH_PORT = /^(?:[^[:]+|\[[^\]]+\]):\d+$/;

/**
 * The Host header values this server answers to: the loopback names, the address it is bound
 * to (every address of this computer when bound to all of them) and names given for LAN use,
 * each with the server's port. Empty, so refusing everything, until `listen` gives the port.
 */
export class AllowedHosts {
  private readonly names: string[];
  private readonly values = new Set<string>();

  /** `names`: further host names or addresses, as given to `bangkom serve --allow-host`; a name with a port is taken as it is. */
  constructor(names: readonly string[] = []) {
    this.names = [...LOOPBACK_NAMES, ...names].filter((n) => n.trim() !== '');
  }

  /** For a server bound to `bindHost` (e.g. 192.168.1.10, or 0.0.0.0 for every address). */
  static forBinding(bindHost: string, names: readonly string[] = []): AllowedHosts {
    const own = WILDCARD_HOSTS.has(bindHost) ? localAddresses() : [bindHost];
    return new AllowedHosts([...own, ...names]);
  }

  /** Fills in the values once the port is known (it may be chosen by the system). */
  listen(port: number): this {
    this.values.clear();
    for (const name of this.names) {
      const form = hostForm(name);
      if (WITH_PORT.test(form)) {
        this.values.add(form);
        continue;
      }
      this.values.add(`${form}:${port}`);
      // A browser leaves out the default port; only then is a bare name this server.
      if (port === 80) this.values.add(form);
    }
    return this;
  }

  has(host: string): boolean {
    return this.values.has(host.toLowerCase());
  }

  list(): string[] {
    return [...this.values];
  }
}

function localAddresses(): string[] {
  return Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address.replace(/%.*$/, '')));
}

/**
 * `--allow-host a,b --allow-host c` as a list; refuses what cannot be a host name, so that a
 * typo is told at start and not discovered as 421s by the colleagues.
 */
export function parseAllowHosts(values: readonly string[]): string[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  for (const name of names) {
    let url: URL | null = null;
    try { url = new URL(`http://${hostForm(name)}/`); } catch { /* reported below */ }
    if (!url || url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
      throw new Error(`--allow-host: "${name}" bukan nama host yang sah.`);
    }
  }
  return names;
}

/**
 * 421 Misdirected Request for every path unless both the Host header and the host of the URL
 * (the same thing except for a request written with an absolute URL) are this server's.
 * Without a Host header the URL's host stands in: for Node that is the bound address without a
 * port, so such a request is refused as well unless the port is 80.
 */
export function hostCheck(hosts: AllowedHosts): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('host');
    const urlHost = new URL(c.req.url).host;
    if ((header !== undefined && !hosts.has(header)) || !hosts.has(urlHost)) {
      return c.text(MISDIRECTED_TEXT, 421, { 'Cache-Control': 'no-store' });
    }
    await next();
  };
}

/**
 * Methods with a door of their own, not served as `POST /api/<method>` with a JSON body: the
 * receiver's upload (`POST /api/batches.upload`, receiver.ts) takes the raw file and its token.
 */
export const OWN_DOOR_METHODS: ReadonlySet<string> = new Set(['batch.upload']);

/**
 * Methods that carry a file in their input (`dataBase64`, or a `scan` holding one): imports, logo and
 * certificate images, certificate pictures, trust files, scanned training certificates.
 */
export function carriesFile(method: string): boolean {
  if (!isMethodName(method) || OWN_DOOR_METHODS.has(method)) return false;
  const shape = (contract[method].input as { shape?: Record<string, unknown> }).shape;
  return shape !== undefined && ('dataBase64' in shape || 'scan' in shape);
}

function tooLarge(c: Context, maxMb: number) {
  const result: CallResult = {
    ok: false,
    error: { code: 'PAYLOAD_TOO_LARGE', message: `Data yang dikirim terlalu besar (maksimal ${maxMb} MB).`, details: { maxMb } },
  };
  return c.json(result, 413, { 'Cache-Control': 'no-store' });
}

/**
 * Request bodies: at most BODY_LIMIT_BYTES, and UPLOAD_BODY_LIMIT_BYTES for a method carrying a
 * file when the caller is logged in (asked only when the body may be larger than the ordinary
 * limit), so that nobody without an account makes the server hold large bodies. A declared
 * Content-Length over the limit is refused before any byte is read; a chunked body is counted
 * as it arrives and refused at the first byte over. hono/body-limit does both.
 */
export function bodyLimits(loggedIn: (c: Context) => Promise<boolean>): MiddlewareHandler {
  const ordinary = bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: (c) => tooLarge(c, BODY_LIMIT_BYTES / MB) });
  // The clerk knows the file limit ("Berkas … maksimal 20 MB"), not its base64 length.
  const upload = bodyLimit({ maxSize: UPLOAD_BODY_LIMIT_BYTES, onError: (c) => tooLarge(c, IMPORT_MAX_BYTES / MB) });
  // A city imports a kecamatan's batch from the screen: the same bound as the receiver's upload.
  const batch = bodyLimit({ maxSize: BATCH_IMPORT_BODY_LIMIT_BYTES, onError: (c) => tooLarge(c, UPLOAD_MAX_BYTES / MB) });
  return async (c, next) => {
    const method = c.req.path.startsWith('/api/') ? c.req.path.slice('/api/'.length) : '';
    if (c.req.method === 'POST' && carriesFile(method) && mayExceed(c, BODY_LIMIT_BYTES) && (await loggedIn(c))) {
      return (method === 'batch.import' ? batch : upload)(c, next);
    }
    return ordinary(c, next);
  };
}

function mayExceed(c: Context, limit: number): boolean {
  const length = c.req.header('content-length');
  return length === undefined || c.req.header('transfer-encoding') !== undefined || !(Number(length) <= limit);
}
