import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint for the whole repository: ESLint's and typescript-eslint's recommended rules (not the
 * type-checked set, so lint stays fast; `npm run typecheck` does the type checking), plus the
 * import direction of docs/design-rules.md § Rule 7, enforced per folder with `no-restricted-imports`.
 */

const rule7 = 'docs/design-rules.md § Rule 7 (import direction; see docs/architecture.md)';

/**
 * `no-restricted-imports` options forbidding each group. Groups are gitignore-style patterns
 * matched against the import string as written (our imports are relative, e.g.
 * '../../server/db/database.ts'). A `!` pattern re-allows part of a group; as in .gitignore, a
 * file inside a forbidden directory is re-allowed only when that directory is re-allowed too.
 */
function forbidImports(...groups) {
  return ['error', { patterns: groups.map(({ group, message }) => ({ group, message: `${message} ${rule7}.` })) }];
}

/** Everything inside a top-level folder of ours, from whatever depth the import climbs. */
const folder = (name) => `**/${name}/**`;

/** What ops/ may use of server/: the database plumbing, the configuration and the shared infrastructure. */
const opsMayImport = ['!**/server/db', '!**/server/db/**', '!**/server/config.ts', '!**/server/infrastructure', '!**/server/infrastructure/**'];

export default defineConfig(
  { ignores: ['**/node_modules/', '.tools/', 'dist/', 'var/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node },
    rules: {
      // A variable read by a callback created before its one assignment (server/main.ts's `app`
      // in the pool's error handler) cannot be const: the callback may run before it is set.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    // The web app runs in the browser; its Vite config runs in Node.
    files: ['web/**'],
    ignores: ['web/vite.config.ts'],
    languageOptions: { globals: globals.browser },
  },

  // docs/design-rules.md § Rule 7: shared imports nothing of ours; web and server import shared only;
  // ops may use server/db, server/config and server/infrastructure (what both sides need, written
  // once), which in turn imports nothing of the app above it; otherwise server and ops talk
  // through database tables. scripts/ (start-up glue), e2e/ and bench/ are not restricted.
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': forbidImports({
        group: [folder('server'), folder('web'), folder('ops'), folder('scripts')],
        message: 'shared/ is pure code used by both sides and imports nothing of ours outside shared/.',
      }),
    },
  },
  {
    files: ['web/**'],
    rules: {
      'no-restricted-imports': forbidImports({
        group: [folder('server'), folder('ops'), folder('scripts')],
        message: 'web/ imports nothing of ours outside web/ and shared/ (it talks to the server over HTTP).',
      }),
    },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': forbidImports({
        group: [folder('web'), folder('ops'), folder('scripts')],
        message: 'server/ imports nothing of ours outside server/ and shared/ (server and ops talk through database tables).',
      }),
    },
  },
  {
    // Tests start the real managed cluster with the same code as `npm start`.
    files: ['server/test-support/**'],
    rules: {
      'no-restricted-imports': forbidImports({
        group: [folder('web'), folder('ops'), '!**/ops/local-cluster.ts', folder('scripts')],
        message: 'server/test-support/ imports nothing of ours outside server/ and shared/ except ops/local-cluster.ts.',
      }),
    },
  },
  {
    // Shared infrastructure sits below the app so that ops can import it without dragging in
    // features, HTTP plugins or sessions. Imports inside server/ are relative ('../db/…',
    // '../../features/…'), so the rest of server/ is named folder by folder.
    files: ['server/infrastructure/**'],
    // Its tests are not imported by ops and build fixtures with server/test-support/ (rule above).
    ignores: ['server/infrastructure/**/*.test.ts'],
    rules: {
      'no-restricted-imports': forbidImports({
        group: [
          folder('server'),
          '!**/server/db',
          '!**/server/db/**',
          '!**/server/config.ts',
          '!**/server/infrastructure',
          '!**/server/infrastructure/**',
          // The rest of server/, as reached by climbing out of server/infrastructure/.
          ...['features', 'http', 'auth', 'security', 'faults', 'test-support'].map(folder),
          ...['app.ts', 'deps.ts', 'main.ts'].map((file) => `**/${file}`),
          folder('web'),
          folder('ops'),
          folder('scripts'),
        ],
        message: 'server/infrastructure/ may import only shared/, server/db/, server/config.ts and itself, so that ops/ can use it.',
      }),
    },
  },
  {
    files: ['ops/**'],
    rules: {
      'no-restricted-imports': forbidImports({
        group: [folder('server'), ...opsMayImport, folder('web'), folder('scripts')],
        message: 'ops/ may import from server/ only server/db/, server/config.ts and server/infrastructure/, and nothing from web/ or scripts/.',
      }),
    },
  },
  {
    // Ops tests build their fixtures (fresh databases, apps to write data through) like server tests do.
    files: ['ops/**/*.test.ts', 'ops/test-support/**'],
    rules: {
      'no-restricted-imports': forbidImports({
        group: [folder('server'), ...opsMayImport, '!**/server/test-support', '!**/server/test-support/**', folder('web'), folder('scripts')],
        message: 'ops/ tests may import from server/ only server/db/, server/config.ts, server/infrastructure/ and server/test-support/.',
      }),
    },
  },

  // docs/design-rules.md § Rule 15, inside web/: app/ and routes/ compose the features; features build on lib/
  // and components/, which serve them and import none of them. That features do not import each
  // other in both directions is a graph property, checked by web/feature-import-graph.test.ts.
  // These replace the web/** rule above for their files, so they repeat its groups.
  {
    files: ['web/lib/**', 'web/components/**'],
    rules: {
      'no-restricted-imports': forbidImports(
        {
          group: [folder('server'), folder('ops'), folder('scripts')],
          message: 'web/ imports nothing of ours outside web/ and shared/ (it talks to the server over HTTP).',
        },
        {
          group: [folder('features'), folder('routes'), folder('app')],
          message: 'web/lib/ and web/components/ sit below the features (docs/design-rules.md § Rule 15): they import nothing from features/, routes/ or app/.',
        },
      ),
    },
  },
  {
    files: ['web/features/**'],
    rules: {
      'no-restricted-imports': forbidImports(
        {
          group: [folder('server'), folder('ops'), folder('scripts')],
          message: 'web/ imports nothing of ours outside web/ and shared/ (it talks to the server over HTTP).',
        },
        {
          group: [folder('routes'), folder('app')],
          message: 'web/features/ sit below the screens (docs/design-rules.md § Rule 15): routes/ and app/ compose them, and they import neither.',
        },
      ),
    },
  },
);
