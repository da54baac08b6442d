// ESLint for the whole repository. The core must stay pure: it is bundled into the Obsidian plugin, which
// runs on mobile (no Node.js) and may not reach the network.
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = ['fs', 'path', 'os', 'url', 'util', 'child_process', 'http', 'https', 'net', 'dns', 'tls', 'crypto', 'stream', 'module', 'worker_threads']

// The Obsidian plugin gets Obsidian's own review rules (eslint-plugin-obsidianmd, a dependency of plugin/).
// That package reads manifest.json from the working directory as it loads: load it from plugin/.
const PLUGIN_DIR = fileURLToPath(new URL('./plugin/', import.meta.url))
const obsidianmd = await (async () => {
  const cwd = process.cwd()
  process.chdir(PLUGIN_DIR)
  try {
    const entry = createRequire(`${PLUGIN_DIR}package.json`).resolve('eslint-plugin-obsidianmd')
    return (await import(pathToFileURL(entry).href)).default
  } finally {
    process.chdir(cwd)
  }
})()
const inPlugin = (config) => ({ ...config, files: (config.files ?? ['**/*']).map((f) => (typeof f === 'string' ? `plugin/${f}` : f)) })

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
  },
  ...obsidianmd.configs.recommended.map(inPlugin),
  {
    files: ['plugin/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: PLUGIN_DIR } }
  },
  // The recommended set also checks plugin/package.json, as JSON: the TypeScript rules above do not apply there.
  { files: ['plugin/package.json'], rules: { '@typescript-eslint/consistent-type-imports': 'off' } },
  // The plugin's tests, fake Obsidian API, browser harness, benchmark and build script run in Node.js or a
  // test page, not in Obsidian: the rules about Obsidian's runtime do not apply to them.
  {
    files: ['plugin/test/**', 'plugin/bench/**', 'plugin/*.mjs'],
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      'obsidianmd/prefer-create-el': 'off',
      'obsidianmd/prefer-instanceof': 'off',
      'obsidianmd/no-global-this': 'off',
      'obsidianmd/hardcoded-config-path': 'off',
      'obsidianmd/prefer-file-manager-trash-file': 'off',
      'obsidianmd/prefer-window-timers': 'off',
      'no-restricted-globals': 'off',
      // TypeScript already knows Node's globals there.
      'no-undef': 'off'
    }
  }
)
