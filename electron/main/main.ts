import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell, dialog } from 'electron';
import { startBackendWorker, type BackendClient } from '../backend/worker-client.ts';
import { CONTENT_SECURITY_POLICY, readStatic } from '../server/static-files.ts';
import { APP_ORIGIN, CALL_CHANNEL, JOB_CHANNEL, createIpcHandler } from './ipc-handler.ts';

// Bundled to dist/electron/main.cjs; the renderer build sits in dist/renderer.
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
// Linux takes the window icon from here; Windows shows the icon built into the .exe.
const ICON = path.join(__dirname, 'icon.png');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function dataDirFromArgs(): string {
  const arg = process.argv.find((a) => a.startsWith('--data='));
  return arg ? path.resolve(arg.slice('--data='.length)) : process.env.BANGKOM_DATA || app.getPath('userData');
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Bangkom',
    ...(process.platform === 'linux' ? { icon: ICON } : {}),
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links out (help pages) go to the system browser, never into an app window.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    const file = url.host === 'bangkom' ? readStatic(RENDERER_DIR, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });

  let backend: BackendClient;
  try {
    backend = await startBackendWorker(dataDirFromArgs());
  } catch (err) {
    dialog.showErrorBox('Bangkom tidak dapat dibuka', (err as Error).message);
    app.quit();
    return;
  }

  const handler = createIpcHandler(backend);
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) => handler(event, method, input));
  backend.onJobEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(JOB_CHANNEL, event);
  });

  Menu.setApplicationMenu(null);
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  let win = createWindow();
  const windowId = win.webContents.id;
  win.on('closed', () => handler.forgetWindow(windowId));
  app.on('second-instance', () => {
    if (win.isDestroyed()) win = createWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    void backend.close().finally(() => app.quit());
  });
}

void main();
