import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** The renderer's Content-Security-Policy: nothing from outside the app, no inline scripts. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // The certificate preview shows the backend's PDF (a blob: URL) in a frame of the app's own.
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Maps a URL path onto a file under `root`, or null. Decoding happens before the check, and
 * the resolved path must stay inside root: `..`, encoded slashes and absolute paths are refused.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

/** A file to serve for a path: the file itself, or index.html for app routes (hash routing keeps these rare). */
export function readStatic(root: string, urlPath: string): { body: Buffer; type: string } | null {
  const file = resolveStaticPath(root, urlPath);
  if (!file) return null;
  const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.extname(file) ? null : path.join(root, 'index.html');
  if (!target || !fs.existsSync(target)) return null;
  return { body: fs.readFileSync(target), type: TYPES[path.extname(target)] ?? 'application/octet-stream' };
}
