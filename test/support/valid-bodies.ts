import { deployStep } from './seed';

/** The secret access key of the target body: no response may ever contain it. */
export const TARGET_SECRET = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYSECRETKEY';

let serial = 0;

/**
 * A valid body for each operation that takes one (keyed `method path` as in the OpenAPI document),
 * against the seed of seedPlatform plus tenant `acme`. Each call is unique, so creations do not collide.
 */
export function validBodies(): Record<string, () => Record<string, unknown>> {
  const step = () => ({
    containers: [
      {
        name: 'web',
        image: 'ghcr.io/acme/web',
        cpu: 0,
        memory: 512,
        portMappings: [{ containerPort: 8080 }],
        environment: { A: 'b' },
        healthCheck: { command: ['CMD', 'true'], interval: 30 },
      },
    ],
    task: {
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    },
    service: {
      desiredCount: 1,
      maximumPercent: 200,
      network: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'] },
    },
    tags: { team: 'x' },
  });
  const name = (kind: string) => `Hostile ${kind} ${(serial += 1)}`;
  return {
    'post /api/api-keys': () => ({
      name: name('key'),
      role: 'deployer',
      environments: ['dev'],
      projects: ['shop'],
    }),
    'post /api/environments': () => ({ name: name('env'), description: 'd' }),
    'patch /api/environments/{ref}': () => ({ description: 'd', position: 3 }),
    'post /api/lifecycles': () => ({
      name: name('lifecycle'),
      phases: [
        {
          name: 'Only',
          environments: ['dev'],
          automatic: ['dev'],
          minimumEnvironmentsBeforePromotion: 0,
          optional: false,
        },
      ],
    }),
    'patch /api/lifecycles/{ref}': () => ({
      phases: [
        { name: 'Development', environments: ['dev'], automatic: ['dev'] },
        { name: 'Testing', environments: ['test'] },
        { name: 'Production', environments: ['prod'] },
      ],
    }),
    'post /api/projects': () => ({
      name: name('project'),
      description: 'd',
      lifecycle: 'shop-lifecycle',
      tenancy: 'mixed',
      targetTags: ['shop-web'],
      step: step(),
    }),
    'patch /api/projects/{ref}': () => ({ description: 'd', step: deployStep() }),
    'post /api/projects/{ref}/channels': () => ({
      name: name('channel'),
      lifecycle: 'shop-lifecycle',
      isDefault: false,
      rules: [{ containers: ['web'], versionRange: '>=1.0.0', tagPattern: '^1\\.' }],
    }),
    'patch /api/projects/{ref}/channels/{channelRef}': () => ({
      rules: [{ containers: ['web'], versionRange: '>=0.0.0' }],
    }),
    'put /api/projects/{ref}/variables': () => ({
      items: [
        {
          name: 'LogLevel',
          value: 'info',
          sensitive: false,
          scope: {
            environments: ['dev'],
            tenants: ['acme'],
            channels: ['default'],
            targets: ['shop-sandbox'],
          },
        },
        { name: 'DesiredCount', value: '1' },
        { name: 'Db.Password', value: null, sensitive: true },
      ],
    }),
    'post /api/projects/{ref}/releases': () => ({
      version: `9.9.${(serial += 1)}`,
      channel: 'default',
      images: { web: '1.0.0', worker: '1.0.0' },
      notes: 'n',
    }),
    'post /api/releases/{id}/deployments': () => ({
      environment: 'prod',
      tenants: [],
      tenantTags: ['tier/gold'],
      force: true,
    }),
    'post /api/projects/{ref}/promote': () => ({
      from: 'dev',
      to: 'test',
      tenants: ['acme'],
      tenantTags: [],
      force: true,
    }),
    // A window long past: the battery's deployments are not frozen by it.
    'post /api/freezes': () => ({
      name: name('freeze'),
      reason: 'r',
      start: '2020-01-01T00:00:00Z',
      end: '2020-01-02T00:00:00+01:00',
      environments: ['prod'],
    }),
    'patch /api/freezes/{ref}': () => ({ reason: 'changed', timeZone: 'Europe/Paris' }),
    'post /api/subscriptions': () => ({
      name: name('subscription'),
      kind: 'webhook',
      url: 'http://127.0.0.1:9/hook',
      secret: 'hostile-secret-0123456',
      events: ['deployment.failed'],
      projects: ['shop'],
      enabled: false,
    }),
    'patch /api/subscriptions/{ref}': () => ({ enabled: false }),
    'post /api/releases/{id}/block': () => ({ reason: 'hostile' }),
    'post /api/deployments/{id}/interventions/{step}': () => ({
      decision: 'reject',
      note: 'hostile',
    }),
    'post /api/tenants': () => ({
      name: name('tenant'),
      tags: ['tier/gold'],
      projects: [{ project: 'shop', environments: ['dev'] }],
    }),
    'patch /api/tenants/{ref}': () => ({ tags: ['tier/gold'] }),
    'post /api/targets': () => ({
      name: name('target'),
      environments: ['dev'],
      tags: ['hostile'],
      tenants: ['acme'],
      tenantedMode: 'mixed',
      region: 'eu-west-1',
      cluster: 'c',
      credentials: {
        type: 'keys',
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: TARGET_SECRET,
        roleArn: null,
        externalId: null,
      },
      endpoint: 'http://127.0.0.1:1',
    }),
    'patch /api/targets/{ref}': () => ({ tags: ['shop-web'], credentials: { type: 'sandbox' } }),
  };
}
