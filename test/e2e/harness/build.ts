/**
 * Builds what the e2e tests load: the renderer (with the app's own renderer config, CSP included)
 * and the page-side bridge script. The renderer is rebuilt only when a source is newer than the
 * build, so `npm run build` followed by `npm run test:e2e` does not build twice.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type InlineConfig } from 'vite';
import { CACHE_DIR, PAGE_BRIDGE_BUNDLE, RENDERER_OUT, ROOT } from './paths';

const RENDERER_INPUTS = ['renderer', 'shared', 'electron.vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when `out/renderer` is missing or older than any renderer source. */
export function rendererIsStale(): boolean {
  const built = resolve(RENDERER_OUT, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(...RENDERER_INPUTS.map((input) => newestMtime(resolve(ROOT, input))));
  return sources > statSync(built).mtimeMs;
}

/**
 * Builds the renderer into `out/renderer` with the renderer part of electron.vite.config.ts. It
 * builds into a folder of its own first and then moves the result in, index.html last (a rename):
 * another run serving `out/renderer` at that moment keeps a complete page, and the hashed chunks
 * its page may still load lazily stay where they were.
 */
export async function buildRenderer(): Promise<void> {
  const staging = `${RENDERER_OUT}.build-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    await buildRendererInto(staging);
    mkdirSync(RENDERER_OUT, { recursive: true });
    for (const entry of readdirSync(staging)) {
      if (entry !== 'index.html') cpSync(join(staging, entry), join(RENDERER_OUT, entry), { recursive: true });
    }
    renameSync(join(staging, 'index.html'), join(RENDERER_OUT, 'index.html'));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function buildRendererInto(outDir: string): Promise<void> {
  const { default: config } = await import('../../../electron.vite.config');
  const inline = (config as { renderer?: InlineConfig }).renderer;
  if (!inline || typeof inline !== 'object') throw new Error('electron.vite.config.ts has no static renderer config');
  await build({
    ...inline,
    configFile: false,
    root: resolve(ROOT, 'renderer'),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    // One bundle loaded from disk: the size warning is noise here.
    build: { ...inline.build, outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
}

/** Bundles test/e2e/harness/page-bridge.ts (with the real createBridge) into one IIFE script. */
export async function buildPageBridge(): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir: CACHE_DIR,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: resolve(ROOT, 'test/e2e/harness/page-bridge.ts'),
        formats: ['iife'],
        name: 'clerkAdminPageBridge',
        fileName: () => PAGE_BRIDGE_BUNDLE.slice(CACHE_DIR.length + 1),
      },
    },
  });
}
