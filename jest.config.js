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

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
  moduleNameMapper: {
    '^@gantry/(config|core|domain|render|persistence|scheduling|deploy|queue|notifications|testing)$':
      '<rootDir>/libs/$1/src',
  },
  maxWorkers: 2,
  testTimeout: 60000,
};
