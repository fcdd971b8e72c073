import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from files (Electron's custom protocol) or from `bangkom serve`:
// relative asset paths, everything bundled, nothing fetched from outside the app.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // One chunk on purpose: it is read from the local disk, never over a network, and a split
    // would add a loading step to each screen. `npm run bench` keeps its size in view.
    chunkSizeWarningLimit: 1024,
  },
  server: { host: '127.0.0.1' },
});
