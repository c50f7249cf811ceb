/**
 * The layer table of docs/architecture.md as rules: `npm run lint` (depcruise) and `npm test`
 * (test/architecture/layers.spec.ts) fail on any import that breaks one. Paths are relative to
 * the repository root; `@gantry/*` imports resolve through tsconfig.json to libs/<name>/src.
 */

/** Modules that talk to the outside world (files, network, processes, databases, AWS, Nest). */
const IO_CORE_MODULES =
  '^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|tls|child_process|cluster|worker_threads)$';
// Resolved (node_modules/<name>/…) or, where a package is not installed, its bare name.
const IO_PACKAGES =
  '(^|/node_modules/)(pg|typeorm|ioredis|bullmq|@aws-sdk/[^/]+|@smithy/[^/]+|@nestjs/[^/]+|nestjs-pino|pino|pino-http|express)(/|$)';

/**
 * The layers are about what ships (tsconfig.build.json): a lib's specs and test/ folder may also
 * read fixture files and use libs/testing.
 */
const TESTS = '(\\.(spec|int-spec|e2e-spec)\\.ts$|^libs/[^/]+/test/)';

/** A lib may import only the libs listed; anything under libs/ else, and every app, is refused. */
const onlyLibs = (name, allowed, comment) => ({
  name: `${name}-imports-only-${allowed.length ? allowed.join('-') : 'no-other-lib'}`,
  comment,
  severity: 'error',
  from: { path: `^libs/${name}/`, pathNot: TESTS },
  to: { path: `^(apps/|libs/(?!(${[name, ...allowed].join('|')})/))` },
});

const noIo = (name) => ({
  name: `${name}-does-no-io`,
  comment: `libs/${name} is pure: no file, network, process, database, queue, AWS or Nest code.`,
  severity: 'error',
  from: { path: `^libs/${name}/`, pathNot: TESTS },
  to: { path: `${IO_CORE_MODULES}|${IO_PACKAGES}` },
});

module.exports = {
  forbidden: [
    onlyLibs('domain', [], 'libs/domain is pure rules: it imports no other @gantry lib.'),
    noIo('domain'),
    onlyLibs('render', ['domain'], 'libs/render renders from domain types only.'),
    noIo('render'),
    onlyLibs('persistence', ['domain', 'config'], 'libs/persistence stores domain records.'),
    onlyLibs(
      'scheduling',
      ['domain', 'persistence', 'queue', 'config', 'notifications'],
      'Scheduling decides and records deployments; running them (AWS, the runner) is libs/deploy.',
    ),
    onlyLibs('queue', ['config'], 'libs/queue is the queue and its producer.'),
    onlyLibs(
      'notifications',
      ['domain', 'persistence', 'queue', 'config'],
      'libs/notifications publishes events as notifications and delivers them; it never deploys.',
    ),
    onlyLibs('config', [], 'libs/config is the configuration every other part reads.'),
    onlyLibs(
      'core',
      ['config', 'persistence', 'queue', 'domain', 'notifications'],
      'libs/core wires what every process shares.',
    ),
    {
      name: 'only-deploy-calls-aws',
      comment: 'libs/deploy holds the AWS gateways: the only code of Gantry that uses the AWS SDK.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: `^libs/deploy/|^apps/[^/]+/test/|${TESTS}` },
      to: { path: '(^|/node_modules/)@aws-sdk/' },
    },
    {
      name: 'no-lib-imports-an-app',
      comment: 'Apps compose libs, never the other way round.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-import-libs-not-apps',
      comment:
        'An app never imports another app; only apps/gantry, the entry point, composes them.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/gantry/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'web-imports-no-server-code',
      comment:
        'apps/web runs in the browser: it imports no lib and no other app, only its own code and the API types generated into apps/web/src/generated.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs/|apps/(?!web/))' },
    },
    {
      name: 'no-cycles',
      comment: 'Modules that import each other cannot be understood (or tested) one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
