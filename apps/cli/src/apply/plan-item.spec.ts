import { ecsServiceStepSchema, stepsSchema } from '@gantry/domain';
import { planItem } from './plan-item';

const options = { forceSecrets: false };
const dev = { id: 'e1', slug: 'dev', name: 'Dev' };
const prod = { id: 'e2', slug: 'prod', name: 'Prod' };
const step = {
  containers: [{ name: 'web', image: 'ghcr.io/acme/web', portMappings: [{ containerPort: 8080 }] }],
  task: { cpu: '256', memory: '512' },
  service: { network: { subnets: ['subnet-0a1b2c3d'] } },
};
const storedStep = JSON.parse(JSON.stringify(ecsServiceStepSchema.parse(step)));
const steps = [
  { name: 'Web', kind: 'ecs-service', ...step, environments: ['Dev'] },
  { name: 'Worker', kind: 'ecs-service', ...step, parallelWithPrevious: true },
];
/** The steps as the server shows them: defaults and slugs filled in, conditions as slugs. */
const storedSteps = JSON.parse(
  JSON.stringify(
    stepsSchema.parse(steps).map((s, i) => ({
      ...s,
      slug: ['web', 'worker'][i],
      environments: i === 0 ? ['dev'] : [],
    })),
  ),
);

describe('planItem', () => {
  it('creates a missing item with the whole item as the body, leaving out channels and variables', () => {
    expect(
      planItem('project', { name: 'Shop', step, channels: [], variables: [] }, undefined, options),
    ).toEqual({ action: 'create', body: { name: 'Shop', step } });
  });

  it.each([
    [
      'an environment with the same fields',
      'environment',
      { name: 'Dev', description: 'x' },
      { id: 'e1', slug: 'dev', name: 'Dev', description: 'x', position: 1 },
    ],
    [
      'a project with its lifecycle by slug and the server-filled step',
      'project',
      { name: 'Shop', lifecycle: 'default', targetTags: ['b', 'a'], step },
      {
        name: 'Shop',
        lifecycle: { id: 'l1', slug: 'default' },
        targetTags: ['a', 'b'],
        step: storedStep,
      },
    ],
    [
      'a project whose steps the server filled in (slugs, defaults, slugs of environments)',
      'project',
      { name: 'Shop', steps },
      { name: 'Shop', steps: storedSteps },
    ],
    [
      'a lifecycle whose phases leave defaults out',
      'lifecycle',
      {
        name: 'Default',
        phases: [
          { name: 'Dev', environments: ['dev'] },
          { name: 'Prod', environments: ['prod'], optional: false },
        ],
      },
      {
        name: 'Default',
        phases: [
          {
            name: 'Dev',
            environments: [dev],
            automatic: [],
            minimumEnvironmentsBeforePromotion: 0,
            optional: false,
          },
          {
            name: 'Prod',
            environments: [prod],
            automatic: [],
            minimumEnvironmentsBeforePromotion: 0,
            optional: false,
          },
        ],
      },
    ],
    [
      'a tenant whose projects come back in another order',
      'tenant',
      {
        name: 'Acme',
        projects: [
          { project: 'b', environments: ['dev'] },
          { project: 'a', environments: ['prod', 'dev'] },
        ],
      },
      {
        name: 'Acme',
        projects: [
          { project: { slug: 'a' }, environments: [dev, prod] },
          { project: { slug: 'b' }, environments: [dev] },
        ],
      },
    ],
    [
      'a target with a secret it cannot compare',
      'target',
      { name: 'Main', credentials: { type: 'keys', accessKeyId: 'AK', secretAccessKey: 's3cret' } },
      { name: 'Main', credentials: { type: 'keys', accessKeyId: 'AK', hasSecret: true } },
    ],
  ] as const)('leaves %s unchanged', (_name, kind, desired, actual) => {
    expect(planItem(kind, desired as never, actual as never, options)).toEqual({ action: 'none' });
  });

  it.each([
    [
      'a new description',
      'environment',
      { name: 'Dev', description: 'new' },
      { name: 'Dev', description: 'old' },
      { description: 'new' },
    ],
    [
      'another lifecycle',
      'project',
      { name: 'Shop', lifecycle: 'fast' },
      { name: 'Shop', lifecycle: { id: 'l1', slug: 'default' } },
      { lifecycle: 'fast' },
    ],
    [
      'a step with another desired count',
      'project',
      { name: 'Shop', step: { ...step, service: { ...step.service, desiredCount: 2 } } },
      { name: 'Shop', step: storedStep },
      { step: { ...step, service: { ...step.service, desiredCount: 2 } } },
    ],
    [
      'steps run in another order',
      'project',
      { steps: [steps[1], steps[0]] },
      { steps: storedSteps },
      { steps: [steps[1], steps[0]] },
    ],
    [
      'a step the server would refuse (sent for its errors)',
      'project',
      { step: { containers: [] } },
      { step: storedStep },
      { step: { containers: [] } },
    ],
    [
      'a phase with an automatic environment',
      'lifecycle',
      { phases: [{ name: 'Dev', environments: ['dev'], automatic: ['dev'] }] },
      {
        phases: [
          {
            name: 'Dev',
            environments: [dev],
            automatic: [],
            minimumEnvironmentsBeforePromotion: 0,
            optional: false,
          },
        ],
      },
      { phases: [{ name: 'Dev', environments: ['dev'], automatic: ['dev'] }] },
    ],
    [
      'a target with another access key (secret sent along)',
      'target',
      { credentials: { type: 'keys', accessKeyId: 'AK2', secretAccessKey: 's' } },
      { credentials: { type: 'keys', accessKeyId: 'AK', hasSecret: true } },
      { credentials: { type: 'keys', accessKeyId: 'AK2', secretAccessKey: 's' } },
    ],
    [
      'channel rules',
      'channel',
      { rules: [{ containers: ['web'], versionRange: '>=2' }] },
      { rules: [{ containers: ['web'], versionRange: '>=1' }] },
      { rules: [{ containers: ['web'], versionRange: '>=2' }] },
    ],
  ] as const)('updates %s with only the changed fields', (_name, kind, desired, actual, body) => {
    expect(planItem(kind, desired as never, actual as never, options)).toEqual({
      action: 'update',
      body,
      changed: Object.keys(body),
    });
  });

  it('sends a target secret with --force-secrets even when nothing else changed', () => {
    const desired = {
      name: 'Main',
      credentials: { type: 'keys', accessKeyId: 'AK', secretAccessKey: 's' },
    };
    const actual = {
      name: 'Main',
      credentials: { type: 'keys', accessKeyId: 'AK', hasSecret: true },
    };
    expect(planItem('target', desired, actual, { forceSecrets: true })).toEqual({
      action: 'update',
      body: { credentials: desired.credentials },
      changed: ['credentials'],
    });
  });
});
