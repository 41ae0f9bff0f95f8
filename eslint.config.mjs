import tseslint from 'typescript-eslint';

/**
 * The layers, enforced: each folder imports only what is below it.
 *   webview/  -> shared/                      (the browser bundle: no host code at all)
 *   shared/   -> core/tasks/, core/language/, core/units/, core/spaces/  (the typed protocol both sides speak)
 *   hub/      -> core/, shared/               (the Hub client: no `vscode`)
 *   core/     -> nothing of the editor glue   (plain TypeScript, tested in node)
 *     routing/ -> tasks/, language/, comments/, trust/, web/, conversation/; intent/ -> language/, tasks/;
 *     completion/ -> routing/, comments/, tokens/; hover/ -> comments/, language/, routing/; local/ -> routing/, tasks/, language/, units/ (nothing in core/ imports these);
 *     deploy/ -> units/; hubfs/, spaces/ -> nothing else in core/;
 *     tasks/ -> conversation/ (its types); language/, comments/, trust/, web/, conversation/, tokens/, units/ -> nothing else in core/
 * The glue (commands/, editor/, ui/, auth/, hubView/, chat/ and the files at src/) may import any of them.
 */
const GLUE = ['commands', 'editor', 'ui', 'auth', 'hubView', 'chat'].flatMap((d) => [`**/${d}`, `**/${d}/*`]);
const ROOT_GLUE = ['ctx', 'config', 'configModel', 'log', 'statusBar', 'persistentState', 'extension', 'actions', 'routerFactory'].map(
  (f) => `../**/${f}`,
);
const noVscode = (where) => ({ name: 'vscode', message: `${where} must not depend on vscode` });
const only = (files, message, group, extraPaths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths: extraPaths, patterns: [{ group, message }] }] },
});
const CORE_FOLDERS = ['routing', 'language', 'intent', 'comments', 'tasks', 'trust', 'web', 'completion', 'hover', 'conversation', 'tools', 'tokens', 'units', 'deploy', 'local', 'hubfs', 'spaces'];
const CORE_ABOVE = [...GLUE, ...ROOT_GLUE, '**/hub/*', '**/webview/*', '**/shared/*'];
/** One core folder: nothing above core, and of its sibling folders only those below it. */
const coreFolder = (self, allowed) => ({
  files: [`src/core/${self}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [noVscode('src/core')],
        patterns: [
          { group: CORE_ABOVE, message: 'src/core imports nothing above it' },
          ...(CORE_FOLDERS.some((d) => d !== self && !allowed.includes(d))
            ? [
                {
                  group: CORE_FOLDERS
                    .filter((d) => d !== self && !allowed.includes(d))
                    .flatMap((d) => [`**/core/${d}/*`, `../${d}/*`, `../../${d}/*`]),
                  message: `src/core/${self} may import only ${allowed.length ? allowed.join(', ') : 'itself'} within src/core`,
                },
              ]
            : []),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'bench/results/**', '*.vsix'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  // The core is plain TypeScript: no `vscode`, no `any`, nothing of the editor glue.
  { files: ['src/core/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  coreFolder('tasks', ['conversation']),
  coreFolder('trust', []),
  coreFolder('web', []),
  coreFolder('language', []),
  coreFolder('comments', []),
  coreFolder('intent', ['language', 'tasks']),
  coreFolder('routing', ['tasks', 'language', 'comments', 'trust', 'web', 'conversation']),
  coreFolder('hover', ['comments', 'language', 'routing']),
  coreFolder('completion', ['routing', 'comments', 'tokens']),
  coreFolder('local', ['routing', 'tasks', 'language', 'units']),
  coreFolder('conversation', []),
  coreFolder('tools', []),
  coreFolder('tokens', []),
  coreFolder('units', []),
  coreFolder('deploy', ['units']),
  coreFolder('hubfs', []),
  coreFolder('spaces', []),
  only(['src/hub/**/*.ts'], 'src/hub is the Hub client: core/ and shared/ only', [...GLUE, ...ROOT_GLUE, '**/webview/*'], [noVscode('src/hub')]),
  only(
    ['src/shared/**/*.ts'],
    'src/shared is what both sides speak: it imports only shared/, core/tasks/, core/language/, core/units/ and core/spaces/',
    ['../*', '!../shared', '!../core', '../core/*', '!../core/tasks', '!../core/language', '!../core/units', '!../core/spaces'],
    [noVscode('src/shared')],
  ),
  only(['src/webview/**/*.ts'], 'the webview imports only shared/ (it runs in the browser)', ['../*', '!../shared'], [noVscode('src/webview')]),
);
