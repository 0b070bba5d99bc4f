import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app builds into dist/web, where the server serves it at `/` (see src/http/app.ts mountWeb).
// `import.meta.dirname` rather than node:path: web/ may not import node modules (eslint boundary).
const webRoot = import.meta.dirname;
const repoRoot = `${webRoot}/..`;

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}/dist/web`,
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    // The web app imports the zod contracts from src/contracts.
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
