// Lint: zero warnings, and the import direction of ARCHITECTURE.md section 3 as rules.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Builds a no-restricted-imports rule that forbids relative imports of the named layers. */
function forbidLayers(layers, why, extra = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [{ regex: `^\\.{1,2}/(?:.*/)?(?:${layers.join('|')})(?:/|$)`, message: why }, ...extra],
      },
    ],
  };
}

const IO_MODULES = [
  'node:fs',
  'node:fs/promises',
  'node:net',
  'node:tls',
  'node:http',
  'node:https',
  'node:child_process',
  'fs',
  'net',
  'http',
  'https',
  'child_process',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through src/config/config.ts (parsed once), not process.env.',
        },
        {
          selector:
            "SpreadElement > MemberExpression[object.name='request'][property.name=/^(body|query|params|headers)$/]",
          message:
            'Never spread request input into a use case: pass each field explicitly, so a client cannot add actor, via or organisationId.',
        },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: forbidLayers(
      ['db', 'services', 'integrations', 'contracts', 'server', 'web', 'cli', 'config', 'testing'],
      'core is the pure domain: it imports nothing of ours and does no I/O.',
      IO_MODULES.map((name) => ({ group: [name], message: 'core does no I/O; put this in db/ or integrations/.' })),
    ),
  },
  {
    files: ['src/config/**'],
    rules: forbidLayers(
      ['db', 'services', 'integrations', 'contracts', 'server', 'web', 'cli'],
      'config depends on core only.',
    ),
  },
  {
    files: ['src/contracts/**'],
    rules: forbidLayers(
      ['db', 'services', 'integrations', 'server', 'web', 'cli', 'config'],
      'contracts are shared by server, web and CLI: they depend on core only.',
    ),
  },
  {
    files: ['src/db/**', 'src/integrations/**'],
    rules: forbidLayers(
      ['services', 'server', 'web', 'cli'],
      'db and integrations are adapters: they depend on core (and config), never on use cases or edges.',
    ),
  },
  {
    files: ['src/services/**'],
    rules: forbidLayers(
      ['server', 'web', 'cli'],
      'services are use cases called by every edge: they never import an edge.',
    ),
  },
  {
    files: ['src/server/**'],
    rules: forbidLayers(['cli', 'web'], 'server and CLI never import each other; compose them in src/main.ts.'),
  },
  {
    files: ['src/cli/**'],
    rules: forbidLayers(['server', 'web'], 'server and CLI never import each other; compose them in src/main.ts.'),
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.{1,2}/(?:.*/)?(?:db|services|integrations|server|cli|config|testing)(?:/|$)',
              message: 'web talks to the server over HTTP: import contracts (and core types) only.',
            },
            {
              regex: '^\\.{1,2}/(?:.*/)?core(?:/|$)',
              allowTypeImports: true,
              message: 'web may import core types only (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/config/config.ts',
      'src/main.ts',
      'src/testing/**',
      'scripts/**',
      'bench/**',
      'test/**',
      '**/*.test.ts',
      'vitest.config.ts',
      '**/vitest.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
