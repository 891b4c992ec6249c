import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries of docs/architecture.md are enforced by lint. These tests feed ESLint
 * source text as if it lived at a given path and check which boundary rule fires.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    [
      'domain/ importing bin/',
      'domain/leak.ts',
      "import { loadConfig } from '../bin/config.js';\nexport const c = loadConfig;\n",
    ],
    [
      'engine/ importing bin/',
      'engine/leak.ts',
      "import { loadConfig } from '../bin/config.js';\nexport const c = loadConfig;\n",
    ],
    [
      'workers/ importing bin/',
      'workers/leak/handler.ts',
      "import { main } from '../../bin/cli.js';\nexport const m = main;\n",
    ],
    [
      'portal/web importing bin/',
      'portal/web/leak.ts',
      "import { main } from '../../bin/cli.js';\nexport const m = main;\n",
    ],
    [
      'domain/ importing portal/',
      'domain/leak.ts',
      "import { createPortal } from '../portal/server/index.js';\nexport const p = createPortal;\n",
    ],
    [
      'domain/ importing engine/',
      'domain/leak.ts',
      "import { Engine } from '../engine/index.js';\nexport const e = Engine;\n",
    ],
    [
      'engine/ importing domain/',
      'engine/leak.ts',
      "import { openDatabase } from '../domain/index.js';\nexport const o = openDatabase;\n",
    ],
    [
      'workers/ importing engine/',
      'workers/leak/handler.ts',
      "import { Engine } from '../../engine/index.js';\nexport const e = Engine;\n",
    ],
    [
      'portal/server importing engine/',
      'portal/server/leak.ts',
      "import { Engine } from '../../engine/index.js';\nexport const e = Engine;\n",
    ],
    [
      'portal/web importing portal/server',
      'portal/web/leak.ts',
      "import { createPortal } from '../server/index.js';\nexport const p = createPortal;\n",
    ],
  ])('rejects %s', async (_name, filePath, code) => {
    // given a file in a folder that may not import the target
    // when it is linted
    const rules = await ruleIdsFor(filePath, code);
    // then the boundary rule names the violation
    expect(rules).toContain('import-x/no-restricted-paths');
  });

  it('allows bin/, the composition root, to import the domain and the config', async () => {
    // given the command line importing its own configuration module
    const rules = await ruleIdsFor(
      'bin/ok.ts',
      "import { loadConfig } from './config.js';\nexport const c = loadConfig;\n",
    );
    // then no boundary rule fires
    expect(rules).not.toContain('import-x/no-restricted-paths');
  });

  it('rejects a file name that is not kebab-case', async () => {
    const rules = await ruleIdsFor('domain/FoerderFall.ts', 'export const x = 1;\n');
    expect(rules).toContain('check-file/filename-naming-convention');
  });
});
