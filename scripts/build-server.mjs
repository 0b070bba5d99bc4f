// Bundles the server and CLI into dist/aims.js (dependencies stay external, in node_modules).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/aims.ts'],
  outfile: 'dist/aims.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
