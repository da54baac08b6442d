// ESLint for the whole repository. The core must stay pure: it is bundled into the Obsidian plugin, which
// runs on mobile (no Node.js) and may not reach the network.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = ['fs', 'path', 'os', 'url', 'util', 'child_process', 'http', 'https', 'net', 'dns', 'tls', 'crypto', 'stream', 'module', 'worker_threads']

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'tests/artifacts/**', 'demo-vault/**', 'plugin/main.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } }
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'obsidian', message: 'The core never imports Obsidian: keep it pure and testable.' }, ...NODE_BUILTINS.map((name) => ({ name, message: 'The core runs on Obsidian mobile: no Node.js modules.' }))],
          patterns: [{ group: ['node:*'], message: 'The core runs on Obsidian mobile: no Node.js modules.' }]
        }
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
          name,
          message: 'The core is pure: no DOM, no Node.js globals, no network.'
        }))
      ]
    }
  }
)
