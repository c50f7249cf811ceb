import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Runs dependency-cruiser with the repository's rules over `paths` of the tree at `cwd`. */
function violationsIn(cwd: string, paths: string[]): Violation[] {
  const run = spawnSync(
    process.execPath,
    [DEPCRUISE, '--config', CONFIG, '--output-type', 'json', ...paths],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (!run.stdout) throw new Error(`dependency-cruiser printed nothing: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return result.summary.violations.map((violation) => ({
    rule: violation.rule.name,
    from: violation.from,
    to: violation.to,
  }));
}

/** The layer table of docs/architecture.md, checked by .dependency-cruiser.cjs. */
describe('layers', () => {
  it('the repository keeps every rule', () => {
    expect(violationsIn(ROOT, ['apps', 'libs', 'test', 'bench', 'migrations'])).toEqual([]);
  });

  describe('a tree with one bad import per rule', () => {
    let tree: string;
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          baseUrl: '.',
          paths: Object.fromEntries(
            [
              'config',
              'core',
              'domain',
              'render',
              'persistence',
              'scheduling',
              'queue',
              'deploy',
            ].map((lib) => [`@gantry/${lib}`, [`libs/${lib}/src`]]),
          ),
        },
      }),
      'libs/config/src/index.ts': 'export const config = 1;',
      'libs/config/src/reads-the-domain.ts': "export { domain } from '@gantry/domain';",
      'libs/deploy/src/index.ts':
        "export { CloudFormation } from '@aws-sdk/client-cloudformation';",
      'libs/queue/src/index.ts': "export { config } from '@gantry/config';",
      'libs/queue/src/stores.ts': "export { persistence } from '@gantry/persistence';",
      'libs/core/src/index.ts': "export { deploy } from '@gantry/deploy';",
      'libs/domain/src/index.ts': [
        "import { readFileSync } from 'node:fs';",
        "import { config } from '@gantry/config';",
        'export const domain = [readFileSync, config];',
      ].join('\n'),
      // A spec may read fixtures: the layers are about what ships.
      'libs/domain/src/rules.spec.ts':
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;",
      'libs/render/src/index.ts':
        "import { DataSource } from 'typeorm';\nexport const r = DataSource;",
      'libs/persistence/src/index.ts': [
        "import { domain } from '@gantry/domain';",
        "import { config } from '@gantry/config';",
        "import { deploy } from '@gantry/deploy';",
        'export const persistence = [domain, config, deploy];',
      ].join('\n'),
      'libs/scheduling/src/index.ts': [
        "import { persistence } from '@gantry/persistence';",
        "import { deploy } from '@gantry/deploy';",
        "import { ECS } from '@aws-sdk/client-ecs';",
        'export const scheduling = [persistence, deploy, ECS];',
      ].join('\n'),
      'libs/deploy/src/uses-an-app.ts': "export { api } from '../../../apps/api/src/main';",
      'apps/sandbox/src/server.ts': 'export const sandbox = 1;',
      'apps/api/src/main.ts': [
        "import { sandbox } from '../../sandbox/src/server';",
        "import { scheduling } from '@gantry/scheduling';",
        'export const api = [sandbox, scheduling];',
      ].join('\n'),
      // The one entry point composes the apps.
      'apps/gantry/src/main.ts': [
        "import { api } from '../../api/src/main';",
        "import { sandbox } from '../../sandbox/src/server';",
        'export const parts = [api, sandbox];',
      ].join('\n'),
      // The console may import its own code and generated types, never server code.
      'apps/web/src/main.tsx': [
        "import { domain } from '@gantry/domain';",
        "import { view } from './view';",
        'export const main = [domain, view];',
      ].join('\n'),
      'apps/web/src/view.tsx': 'export const view = <p>hello</p>;',
      'apps/worker/src/a.ts': "import { b } from './b';\nexport const a = () => b;",
      'apps/worker/src/b.ts': "import { a } from './a';\nexport const b = () => a;",
    };

    beforeAll(() => {
      tree = mkdtempSync(join(tmpdir(), 'gantry-layers-'));
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(tree, path)), { recursive: true });
        writeFileSync(join(tree, path), text);
      }
      symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    });
    afterAll(() => rmSync(tree, { recursive: true, force: true }));

    it('fails each rule on its bad import, and only there', () => {
      const found = violationsIn(tree, ['apps', 'libs']).map(
        (violation) =>
          `${violation.rule}: ${violation.from} → ${violation.to.replace(/^.*node_modules\/([^/]+).*$/, '$1')}`,
      );
      expect(found.sort()).toEqual(
        [
          // domain → config, and domain → node:fs
          'domain-imports-only-no-other-lib: libs/domain/src/index.ts → libs/config/src/index.ts',
          'domain-does-no-io: libs/domain/src/index.ts → fs',
          'render-does-no-io: libs/render/src/index.ts → typeorm',
          // persistence → deploy (domain and config are allowed)
          'persistence-imports-only-domain-config: libs/persistence/src/index.ts → libs/deploy/src/index.ts',
          'scheduling-imports-only-domain-persistence-queue-config-notifications: libs/scheduling/src/index.ts → libs/deploy/src/index.ts',
          'only-deploy-calls-aws: libs/scheduling/src/index.ts → @aws-sdk',
          'config-imports-only-no-other-lib: libs/config/src/reads-the-domain.ts → libs/domain/src/index.ts',
          'queue-imports-only-config: libs/queue/src/stores.ts → libs/persistence/src/index.ts',
          'core-imports-only-config-persistence-queue-domain-notifications: libs/core/src/index.ts → libs/deploy/src/index.ts',
          'no-lib-imports-an-app: libs/deploy/src/uses-an-app.ts → apps/api/src/main.ts',
          // api → sandbox (apps/gantry → api and sandbox is allowed)
          'apps-import-libs-not-apps: apps/api/src/main.ts → apps/sandbox/src/server.ts',
          'no-cycles: apps/worker/src/a.ts → apps/worker/src/b.ts',
          'web-imports-no-server-code: apps/web/src/main.tsx → libs/domain/src/index.ts',
        ].sort(),
      );
    });
  });
});
