/**
 * Sandbox capacity benchmark: 2,000 stacks (log group, task definition, service of 5 tasks, so
 * 10,000 tasks), then memory and the latency of DescribeStacks for one stack at that size.
 * Prints figures; it is not a test. Run: npm run build && node --expose-gc dist/bench/sandbox/sandbox.bench.js
 */
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  ListStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { CreateClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { Agent, request } from 'node:http';
import { startSandbox } from '../../apps/sandbox/src/sandbox-server';

const STACKS = Number(process.env.BENCH_STACKS ?? 2000);
const TASKS_PER_SERVICE = Number(process.env.BENCH_TASKS_PER_SERVICE ?? 5);
const CONCURRENCY = 50;
const SAMPLES = 2000;

const template = JSON.stringify({
  Parameters: { ImageTag: { Type: 'String', Default: '1.27' } },
  Resources: {
    LogGroup: {
      Type: 'AWS::Logs::LogGroup',
      Properties: { LogGroupName: { 'Fn::Sub': '/bench/${AWS::StackName}' }, RetentionInDays: 30 },
    },
    TaskDefinition: {
      Type: 'AWS::ECS::TaskDefinition',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        Family: { 'Fn::Sub': '${AWS::StackName}-app' },
        Cpu: '256',
        Memory: '512',
        NetworkMode: 'awsvpc',
        RequiresCompatibilities: ['FARGATE'],
        ContainerDefinitions: [
          {
            Name: 'app',
            Image: { 'Fn::Sub': 'nginx:${ImageTag}' },
            Essential: true,
            PortMappings: [{ ContainerPort: 80 }],
            LogConfiguration: {
              LogDriver: 'awslogs',
              Options: {
                'awslogs-group': { Ref: 'LogGroup' },
                'awslogs-region': { Ref: 'AWS::Region' },
              },
            },
          },
        ],
      },
    },
    Service: {
      Type: 'AWS::ECS::Service',
      Properties: {
        ServiceName: { Ref: 'AWS::StackName' },
        Cluster: 'bench',
        TaskDefinition: { Ref: 'TaskDefinition' },
        DesiredCount: TASKS_PER_SERVICE,
        LaunchType: 'FARGATE',
        DeploymentConfiguration: {
          MinimumHealthyPercent: 100,
          MaximumPercent: 200,
          DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        },
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-0a1b2c3d'] } },
      },
    },
  },
  Outputs: { ServiceArn: { Value: { Ref: 'Service' } } },
});

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

/** One DescribeStacks over plain HTTP (keep-alive, no SDK): the sandbox's own latency. */
function rawDescribe(url: string, agent: Agent, stackName: string): Promise<void> {
  const body = `Action=DescribeStacks&Version=2010-05-15&StackName=${stackName}`;
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': body.length,
    // Signatures are not checked; only the credential scope's region matters.
    authorization:
      'AWS4-HMAC-SHA256 Credential=bench/20260101/eu-west-1/cloudformation/aws4_request',
  };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function measure(samples: number, call: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint();
    await call(i);
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

const figures = (sorted: number[]) =>
  `p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms`;

async function countComplete(cfn: CloudFormationClient): Promise<number> {
  let token: string | undefined;
  let complete = 0;
  do {
    const out = await cfn.send(
      new ListStacksCommand({ NextToken: token, StackStatusFilter: ['CREATE_COMPLETE'] }),
    );
    complete += out.StackSummaries?.length ?? 0;
    token = out.NextToken;
  } while (token);
  return complete;
}

async function main(): Promise<void> {
  gc();
  const before = process.memoryUsage();
  const sandbox = await startSandbox({ port: 0, timeScale: 0.002 });
  const config = {
    endpoint: sandbox.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  };
  const cfn = new CloudFormationClient(config);
  const ecs = new ECSClient(config);
  await ecs.send(new CreateClusterCommand({ clusterName: 'bench' }));
  const started = Date.now();
  const names = Array.from({ length: STACKS }, (_, i) => `bench-${String(i).padStart(4, '0')}`);
  await pool(names, CONCURRENCY, async (StackName) => {
    await cfn.send(new CreateStackCommand({ StackName, TemplateBody: template }));
  });
  while ((await countComplete(cfn)) < STACKS) await new Promise((r) => setTimeout(r, 250));
  const createdIn = Date.now() - started;
  const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as {
    tasks: { lastStatus: string }[];
    services: unknown[];
  };
  const running = state.tasks.filter((t) => t.lastStatus === 'RUNNING').length;
  gc();
  const after = process.memoryUsage();

  const pick = (i: number) => names[(i * 7919) % names.length];
  const sdk = await measure(SAMPLES, async (i) => {
    await cfn.send(new DescribeStacksCommand({ StackName: pick(i) }));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const raw = await measure(SAMPLES, (i) => rawDescribe(sandbox.url, agent, pick(i)));
  agent.destroy();

  console.log('sandbox benchmark');
  console.log(
    `  stacks CREATE_COMPLETE      ${STACKS} (created in ${(createdIn / 1000).toFixed(1)} s at time scale 0.002)`,
  );
  console.log(`  services / running tasks    ${state.services.length} / ${running}`);
  console.log(
    `  process RSS                 ${mb(after.rss)} (before the sandbox: ${mb(before.rss)})`,
  );
  console.log(
    `  heap used                   ${mb(after.heapUsed)} (sandbox state ≈ ${mb(after.heapUsed - before.heapUsed)})`,
  );
  console.log(
    `  DescribeStacks, one stack   ${figures(raw)} (plain HTTP keep-alive, ${SAMPLES} calls)`,
  );
  console.log(`                              ${figures(sdk)} (AWS SDK client in the same process)`);
  cfn.destroy();
  ecs.destroy();
  await sandbox.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
