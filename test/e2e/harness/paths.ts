/** Where the e2e harness finds the built renderer and puts its own build output. */
import { resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../../..');
/** The built renderer (what `electron-vite build` produces). */
export const RENDERER_OUT = resolve(ROOT, 'out/renderer');
/** The harness's own build output (gitignored). */
export const CACHE_DIR = resolve(ROOT, 'test/e2e/.cache');
/** The page-side bridge bundle injected into every page. */
export const PAGE_BRIDGE_BUNDLE = resolve(CACHE_DIR, 'page-bridge.js');
/** Screenshots saved when E2E_SCREENSHOTS=1 (gitignored). */
export const SCREENSHOT_DIR = resolve(ROOT, 'test/e2e/screenshots');
