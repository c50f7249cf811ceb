// Renders per second and bytes per template for a 3-container step with 20 variables, on one core.
// Run: npm run build && node dist/bench/render/render.bench.js. Prints figures; asserts nothing.
import { ecsServiceStepSchema, type VariableDefinition } from '@gantry/domain';
import { convertStep, renderStack, toJson, toYaml, type RenderInput } from '@gantry/render';

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const ENV = { id: 'env-prod', slug: 'prod', name: 'Production' };
const TENANT = { id: 'tenant-acme', slug: 'acme', name: 'Acme' };

/** 20 variables, each with an unscoped value plus environment- and tenant-scoped ones, 2 sensitive. */
function variables(): VariableDefinition[] {
  const list: VariableDefinition[] = [];
  for (let index = 1; index <= 20; index += 1) {
    const name = `App.Setting${index}`;
    const sensitive = index > 18;
    list.push({ name, value: `default-${index}`, sensitive, scope: {} });
    list.push({ name, value: `prod-${index}`, sensitive, scope: { environments: [ENV.id] } });
    if (index % 4 === 0)
      list.push({
        name,
        value: `acme-${index}-#{App.Setting1}`,
        sensitive,
        scope: { tenants: [TENANT.id] },
      });
  }
  return list;
}

const settings = (from: number, to: number) =>
  Object.fromEntries(
    Array.from({ length: to - from + 1 }, (_, offset) => [
      `SETTING_${from + offset}`,
      `#{App.Setting${from + offset}}`,
    ]),
  );

const step = ecsServiceStepSchema.parse({
  containers: [
    {
      name: 'web',
      image: `${ECR}/shop-web`,
      cpu: 256,
      memory: 1024,
      portMappings: [{ containerPort: 8080 }],
      environment: settings(1, 8),
      secrets: { SESSION: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:session' },
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'] },
      dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }],
    },
    {
      name: 'api',
      image: `${ECR}/shop-api`,
      cpu: 512,
      memory: 2048,
      portMappings: [{ containerPort: 9000 }],
      environment: settings(9, 16),
      healthCheck: { command: ['CMD', '/bin/health'] },
    },
    {
      name: 'migrate',
      image: `${ECR}/shop-api`,
      essential: false,
      command: ['migrate'],
      environment: settings(17, 20),
    },
  ],
  task: { cpu: '1024', memory: '4096', executionRoleArn: 'arn:aws:iam::123456789012:role/exec' },
  service: {
    desiredCount: 2,
    network: { subnets: ['subnet-0a1b2c3d', 'subnet-0e5f6a7b'], securityGroups: ['sg-0a1b2c3d'] },
    loadBalancers: [
      {
        targetGroupArn:
          'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef',
        containerName: 'web',
        containerPort: 8080,
      },
    ],
    healthCheckGracePeriodSeconds: 30,
  },
  tags: { team: 'shop', 'app-setting': '#{App.Setting3}' },
});

const input: RenderInput = {
  project: { id: 'project-1', slug: 'shop', name: 'Shop' },
  release: {
    id: 'release-1',
    version: '1.4.0',
    images: { web: '1.4.0', api: '1.4.0', migrate: '1.4.0' },
    step,
  },
  environment: ENV,
  tenant: TENANT,
  channel: { id: 'channel-1', slug: 'default', name: 'Default' },
  target: { id: 'target-1', slug: 'eu', name: 'EU', cluster: 'shop-eu', region: 'eu-west-1' },
  variables: variables(),
  deploymentId: 'deployment-1',
};

/** Calls `fn` in 3 rounds of about `millis` each after a warm-up; returns the best calls per second. */
function rate(fn: () => unknown, millis = 1000): number {
  for (let index = 0; index < 2000; index += 1) fn();
  const limit = BigInt(millis) * 1_000_000n;
  let best = 0;
  for (let round = 0; round < 3; round += 1) {
    let count = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    while (elapsed < limit) {
      for (let index = 0; index < 100; index += 1) fn();
      count += 100;
      elapsed = process.hrtime.bigint() - start;
    }
    best = Math.max(best, (count * 1e9) / Number(elapsed));
  }
  return best;
}

/**
 * Like {@link rate}, but per second of this process's CPU time (user + system): on a shared,
 * loaded machine the wall clock counts the time other processes held the core.
 */
function cpuRate(fn: () => unknown, calls = 5000): number {
  for (let index = 0; index < 2000; index += 1) fn();
  let best = 0;
  for (let round = 0; round < 3; round += 1) {
    const start = process.cpuUsage();
    for (let index = 0; index < calls; index += 1) fn();
    const used = process.cpuUsage(start);
    best = Math.max(best, (calls * 1e6) / (used.user + used.system));
  }
  return best;
}

const rendered = renderStack(input);
const convertInput = {
  project: input.project,
  step,
  variables: input.variables,
  images: input.release.images,
};
const figures = {
  'renderStack (renders/s)': rate(() => renderStack(input)),
  'renderStack (renders per CPU-second)': cpuRate(() => renderStack(input)),
  'renderStack + toJson (renders/s)': rate(() => toJson(renderStack(input).template)),
  'renderStack + toYaml (renders/s)': rate(() => toYaml(renderStack(input).template), 500),
  'convertStep (renders/s)': rate(() => convertStep(convertInput)),
  'JSON bytes per template': Buffer.byteLength(toJson(rendered.template)),
  'YAML bytes per template': Buffer.byteLength(toYaml(rendered.template)),
  'parameters passed': rendered.parameters.length,
};

console.log(
  `render benchmark: 3 containers, 20 variables, node ${process.version}, one core, best of 3 rounds`,
);
for (const [name, value] of Object.entries(figures))
  console.log(`  ${name.padEnd(38)} ${Math.round(value).toLocaleString('en-US')}`);
console.log('  target: renderStack >= 5,000 renders/s');
