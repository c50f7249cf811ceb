import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStackCommand } from '@aws-sdk/client-cloudformation';
import {
  serviceTemplate,
  startKitWithClusters,
  stopKit,
  waitForStack,
  type Kit,
} from './sandbox-kit';

const AWS = process.env.AWS_CLI ?? 'aws';

function cliUnavailableReason(): string | undefined {
  const probe = spawnSync(AWS, ['--version'], { encoding: 'utf8' });
  if (probe.error)
    return `the AWS CLI is not on the PATH (${probe.error.message}); install it with: apt-get install awscli`;
  if (probe.status !== 0) return `"aws --version" failed: ${(probe.stderr || probe.stdout).trim()}`;
  return undefined;
}

const reason = cliUnavailableReason();
/**
 * Chosen at load time: without the CLI the suite is reported skipped, with the reason in its
 * name. With it, each command starts a Python process: the test gets minutes, not seconds.
 */
const describeWithCli = reason ? describe.skip : describe;

describeWithCli(`the AWS CLI against the sandbox${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKitWithClusters('apps');
  });
  afterAll(() => stopKit(kit));

  // Asynchronous on purpose: the sandbox answers from this same process, so a blocking spawn would deadlock.
  const aws = (...args: string[]) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const argv = [...args, '--endpoint-url', kit.sandbox.url, '--output', 'json'];
      execFile(
        AWS,
        argv,
        {
          encoding: 'utf8',
          env: {
            ...process.env,
            AWS_ACCESS_KEY_ID: 'test',
            AWS_SECRET_ACCESS_KEY: 'test',
            AWS_DEFAULT_REGION: 'eu-west-1',
            AWS_CONFIG_FILE: '/dev/null',
            AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
            AWS_PAGER: '',
          },
        },
        (error, stdout, stderr) => {
          if (error) return reject(new Error(`aws ${args.join(' ')} failed: ${stderr}`));
          resolve(stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {});
        },
      );
    });

  it('creates, waits for, describes and deletes a stack', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sandbox-cli-')), 'template.json');
    writeFileSync(file, serviceTemplate());
    const created = await aws(
      'cloudformation',
      'create-stack',
      '--stack-name',
      'cli',
      '--template-body',
      `file://${file}`,
      '--parameters',
      'ParameterKey=ImageTagWeb,ParameterValue=1.27',
    );
    expect(created.StackId).toMatch(/:stack\/cli\//);
    await aws('cloudformation', 'wait', 'stack-create-complete', '--stack-name', 'cli');
    const described = (await aws('cloudformation', 'describe-stacks', '--stack-name', 'cli')) as {
      Stacks: { StackStatus: string; Outputs: { OutputKey: string; OutputValue: string }[] }[];
    };
    expect(described.Stacks[0].StackStatus).toBe('CREATE_COMPLETE');
    expect(
      described.Stacks[0].Outputs.find((o) => o.OutputKey === 'ServiceName')?.OutputValue,
    ).toBe('web');
    const events = (await aws(
      'cloudformation',
      'describe-stack-events',
      '--stack-name',
      'cli',
    )) as { StackEvents: { ResourceStatus: string }[] };
    expect(events.StackEvents[0].ResourceStatus).toBe('CREATE_COMPLETE');
    const services = (await aws(
      'ecs',
      'describe-services',
      '--cluster',
      'apps',
      '--services',
      'web',
    )) as { services: { deployments: { rolloutState: string }[] }[] };
    expect(services.services[0].deployments[0].rolloutState).toBe('COMPLETED');
    await aws('cloudformation', 'delete-stack', '--stack-name', 'cli');
    await aws('cloudformation', 'wait', 'stack-delete-complete', '--stack-name', 'cli');
  }, 180_000);

  it('inspects Application Auto Scaling and SSM Parameter Store', async () => {
    await kit.cfn.send(
      new CreateStackCommand({
        StackName: 'cli-scaled',
        TemplateBody: serviceTemplate({ serviceName: 'cli-scaled', desiredCount: 1 }),
      }),
    );
    await waitForStack(kit, 'cli-scaled');
    const target = [
      '--service-namespace',
      'ecs',
      '--resource-id',
      'service/apps/cli-scaled',
      '--scalable-dimension',
      'ecs:service:DesiredCount',
    ];
    await aws(
      'application-autoscaling',
      'register-scalable-target',
      ...target,
      '--min-capacity',
      '2',
      '--max-capacity',
      '4',
    );
    await aws(
      'application-autoscaling',
      'put-scaling-policy',
      ...target,
      '--policy-name',
      'cpu',
      '--policy-type',
      'TargetTrackingScaling',
      '--target-tracking-scaling-policy-configuration',
      '{"TargetValue":60,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"}}',
    );
    const targets = (await aws(
      'application-autoscaling',
      'describe-scalable-targets',
      '--service-namespace',
      'ecs',
    )) as { ScalableTargets: { ResourceId: string; MinCapacity: number; MaxCapacity: number }[] };
    expect(targets.ScalableTargets).toEqual([
      expect.objectContaining({
        ResourceId: 'service/apps/cli-scaled',
        MinCapacity: 2,
        MaxCapacity: 4,
      }),
    ]);
    const policies = (await aws(
      'application-autoscaling',
      'describe-scaling-policies',
      '--service-namespace',
      'ecs',
    )) as { ScalingPolicies: { PolicyName: string }[] };
    expect(policies.ScalingPolicies.map((p) => p.PolicyName)).toEqual(['cpu']);
    const scheduled = (await aws(
      'application-autoscaling',
      'describe-scheduled-actions',
      '--service-namespace',
      'ecs',
    )) as { ScheduledActions: unknown[] };
    expect(scheduled.ScheduledActions).toEqual([]);

    await aws(
      'ssm',
      'put-parameter',
      '--name',
      '/cli/token',
      '--value',
      'cli-s3cret',
      '--type',
      'SecureString',
    );
    const hidden = (await aws('ssm', 'get-parameter', '--name', '/cli/token')) as {
      Parameter: { Value: string; Version: number };
    };
    expect(hidden.Parameter.Value).not.toBe('cli-s3cret');
    const shown = (await aws(
      'ssm',
      'get-parameter',
      '--name',
      '/cli/token',
      '--with-decryption',
    )) as { Parameter: { Value: string; Version: number } };
    expect(shown.Parameter).toMatchObject({ Value: 'cli-s3cret', Version: 1 });
  }, 180_000);
});
