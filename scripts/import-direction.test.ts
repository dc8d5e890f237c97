import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('import direction (eslint.config.js)', () => {
  it('keeps core free of our other layers and of I/O', async () => {
    expect(
      await importErrors('src/core/x.ts', "import { a } from '../db/connect';\nexport const b = a;\n"),
    ).toHaveLength(1);
    expect(
      await importErrors('src/core/x.ts', "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;\n"),
    ).toHaveLength(1);
    expect(
      await importErrors('src/core/x.ts', "import { a } from './domain-error';\nexport const b = a;\n"),
    ).toHaveLength(0);
  });

  it('never lets server and CLI import each other', async () => {
    expect(
      await importErrors('src/server/x.ts', "import { a } from '../cli/program';\nexport const b = a;\n"),
    ).toHaveLength(1);
    expect(
      await importErrors('src/cli/commands/x.ts', "import { a } from '../../server/app';\nexport const b = a;\n"),
    ).toHaveLength(1);
  });

  it('lets web import contracts and core types only', async () => {
    expect(
      await importErrors(
        'src/web/features/x.ts',
        "import { a } from '../../services/get-health';\nexport const b = a;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importErrors('src/web/features/x.ts', "import { a } from '../../core/version';\nexport const b = a;\n"),
    ).toHaveLength(1);
    expect(
      await importErrors('src/web/features/x.ts', "import type { A } from '../../core/version';\nexport type B = A;\n"),
    ).toHaveLength(0);
    expect(
      await importErrors(
        'src/web/features/x.ts',
        "import { a } from '../../contracts/health.schema';\nexport const b = a;\n",
      ),
    ).toHaveLength(0);
  });

  it('keeps services away from the edges', async () => {
    expect(
      await importErrors('src/services/x.ts', "import { a } from '../server/app';\nexport const b = a;\n"),
    ).toHaveLength(1);
  });
});
