import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const WEB_SOURCE = join(REPO_ROOT, 'web');
export const WEB_DIST = join(REPO_ROOT, 'dist/web');
export const AXE_SCRIPT = join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
export const CHROMIUM = process.env.AIMS_E2E_CHROMIUM ?? '/usr/bin/chromium';
