/** Jest runs unit specs (*.spec.ts), integration specs (*.int-spec.ts) and API e2e specs. */

// The AWS SDK warns once per process that its 2027 releases will need Node 22; the project runs
// on Node 20 by decision, and the warning in every test worker only hides real output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

// openapi-typescript (the API contract spec renders types in memory) loads a few ESM-only packages
// through require(); Node 20 can, jest's module runtime cannot, so swc turns them into CommonJS.
const ESM_ONLY = ['parse-json', 'supports-color', 'change-case', 'index-to-position'];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcOptions],
    '^.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [
    `/node_modules/(?!(openapi-typescript/node_modules/)?(${ESM_ONLY.join('|')})/)`,
  ],
  moduleNameMapper: {
    '^@gantry/(config|core|domain|render|persistence|scheduling|deploy|queue|notifications|testing)$':
      '<rootDir>/libs/$1/src',
  },
  maxWorkers: 2,
  testTimeout: 60000,
};
