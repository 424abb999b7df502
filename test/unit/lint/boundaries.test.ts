/**
 * The lint rules that keep DESIGN.md's arrows pointing one way, run through ESLint's own API on
 * small sources placed (virtually) in each folder.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// ESLint's start-up alone takes seconds on a busy machine.
describe('import boundaries', { timeout: 30_000 }, () => {
  it('the renderer imports nothing from electron/, Electron or Node', async () => {
    const messages = await restrictedImports(
      'renderer/src/views/probe.ts',
      "import { ipcRenderer } from 'electron';\nimport { readFileSync } from 'node:fs';\nimport { x } from '../../../electron/services/app-services';\nexport const y = [ipcRenderer, readFileSync, x];\n",
    );
    expect(messages).toHaveLength(3);
    expect(await restrictedImports('renderer/src/views/probe.ts', "import { SECTIONS } from '@shared/sections';\nexport const y = SECTIONS;\n")).toEqual([]);
  });

  it('shared/ imports nothing from electron/ or renderer/', async () => {
    const messages = await restrictedImports('shared/probe.ts', "import { x } from '../electron/main/app';\nimport { y } from '../renderer/src/main';\nexport const z = [x, y];\n");
    expect(messages).toHaveLength(2);
  });

  it('services never import electron or electron/main', async () => {
    const messages = await restrictedImports('electron/services/probe.ts', "import { app } from 'electron';\nimport { x } from '../main/app';\nexport const z = [app, x];\n");
    expect(messages).toHaveLength(2);
    expect(await restrictedImports('electron/services/probe.ts', "import { AppError } from '../../shared/ipc';\nexport const z = AppError;\n")).toEqual([]);
  });

  it('raw ipcMain and ipcRenderer only in electron/main and electron/preload', async () => {
    const source = "import { ipcMain, ipcRenderer } from 'electron';\nexport const z = [ipcMain, ipcRenderer];\n";
    expect(await restrictedImports('electron/main/probe.ts', source)).toEqual([]);
    expect(await restrictedImports('electron/preload/probe.ts', source)).toEqual([]);
    expect(await restrictedImports('scripts/probe.ts', source)).toHaveLength(2);
    expect(await restrictedImports('test/unit/probe.test.ts', source)).toHaveLength(2);
  });
});
