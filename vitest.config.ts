import { defineConfig } from 'vitest/config';

/**
 * Files that measure their own process (heap, memory) and must not share a worker with others.
 * Everything else runs with `isolate: false`: test files in one worker share loaded modules, which
 * cut the suite's module-import time from ~13 minutes (summed) to under one.
 */
const OWN_PROCESS = ['src/integrations/feeds/nvd/read-nvd-file.stream.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          // Starts the throwaway PostgreSQL once; the own-process files do not use it.
          globalSetup: ['src/testing/global-setup.ts'],
          setupFiles: ['src/testing/preload-csaf-validator.ts'],
          include: [
            'src/**/*.test.ts',
            'src/**/*.test.tsx',
            'scripts/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/scale/**/*.test.ts',
          ],
          exclude: OWN_PROCESS,
          isolate: false,
        },
      },
      { extends: true, test: { name: 'own-process', include: OWN_PROCESS, isolate: true } },
    ],
  },
});
