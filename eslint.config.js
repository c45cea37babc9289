// @ts-check
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

// The layers of src/, read from the folder they run from (so the test that proves these rules fire
// can run them on a fixture tree): app → features → data → domain, with ui and config shared.
const features = readdirSync('src/features', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const layerZones = [
  // A feature uses domain/, data/, ui/ and config/, never another feature's insides: app/ wires them.
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'A feature never imports another feature: share through src/data, src/domain or src/ui, or wire them in src/app.',
  })),
  { target: './src/domain', from: ['./src/features', './src/app', './src/ui', './src/data'], message: 'src/domain is pure TypeScript: it imports only src/domain (and the product name).' },
  { target: './src/domain', from: './src/config', except: ['./app.ts'], message: 'src/domain is pure TypeScript: it imports only src/domain (and the product name).' },
  { target: './src/data', from: ['./src/features', './src/app', './src/ui'], message: 'src/data serves the features: it never imports them, the app or the UI.' },
  { target: './src/ui', from: ['./src/features', './src/app', './src/data'], message: 'src/ui knows no feature: pass what it shows in as props.' },
  { target: './src/config', from: ['./src/features', './src/app', './src/ui', './src/data'], message: 'src/config is read by every layer and imports none above src/domain.' },
  { target: ['./src/features', './src/data', './src/ui', './src/config'], from: './src/app', message: 'Only src/app (and the entries) compose the app: nothing imports it back.' },
];
// The browser's app loads the collection's manifest from build.json: importing it as a module would
// put the collection into the app's code, and change every page's script address with any one seed.
const articlesModule = { name: 'virtual:articles', message: 'Only the prerender (src/entry-server.tsx) imports the manifest; the app loads build.json.' };
// The build imports the app's domain, never the other way; tests may build a corpus with it.
const buildZone = { target: ['./src/domain', './src/data', './src/features', './src/ui', './src/config', './src/app'], from: './src/build', message: 'Only the build (and tests) import src/build.' };

export default tseslint.config(
  // tests/fixtures/architecture breaks these rules on purpose: architecture-lint.test.ts lints it alone.
  { ignores: ['dist', 'dist-*', 'test-results', 'playwright-report', 'node_modules', 'tests/fixtures/architecture'] },
  js.configs.recommended,
  { files: ['public/**/*.js'], languageOptions: { sourceType: 'script', globals: globals.browser } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, 'no-unsanitized': noUnsanitized },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Seed text, notes and imported data are always rendered as text: no HTML sinks anywhere.
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML: no dangerouslySetInnerHTML.' },
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Render text, never HTML: no innerHTML/outerHTML.' },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'No document.write.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render text, never HTML: no insertAdjacentHTML.' },
      ],
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, buildZone] }],
      // A cycle makes load order matter and hides which module owns what (dynamic imports count too).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // One import style: a relative import names its file, extension included, as Node and Vite load it.
      'import-x/extensions': ['error', 'always', { ignorePackages: true, checkTypeImports: true }],
    },
  },
  { files: ['**/*.test.{ts,tsx}'], rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] } },
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/entry-server.tsx'], rules: { 'no-restricted-imports': ['error', { paths: [articlesModule] }] } },
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [articlesModule],
        patterns: [{ regex: '^(react|react-dom|react-router|react-router-dom|@tanstack/react-.*)(/.*)?$', message: 'src/domain is plain TypeScript: no React; render in src/features.' }],
      }],
    },
  },
);
