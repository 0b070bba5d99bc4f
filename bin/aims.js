#!/usr/bin/env node
// The `aims` command. Runs the bundle that `npm ci` / `npm run build` writes to dist/;
// in a checkout without a build it runs the TypeScript sources through tsx instead.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/aims.js', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/aims.ts', import.meta.url).href);
}
