import { defineConfig } from 'vite';

// The web app is built into web/dist and served by `spinscope serve`; in development
// (`npx vite web`) API calls go to a server on port 8787.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
