import {
  CreateStackCommand,
  DeleteStackCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import {
  DeleteParameterCommand,
  GetParameterCommand,
  GetParametersCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import {
  failureOf,
  sandboxClientConfig,
  startKitWithClusters,
  stopKit,
  waitForStack,
  waitUntil,
  type Kit,
} from './sandbox-kit';

const DB_PASSWORD = 'ssm-s3cret-value';
const API_TOKEN = 'plain-api-token';

/** SSM Parameter Store (JSON 1.1, `AmazonSSM.*`) and a task's `secrets` that name parameters. */
describe('sandbox: SSM parameters', () => {
  let kit: Kit;
  let ssm: SSMClient;
  const cluster = 'jobs';
  beforeAll(async () => {
    kit = await startKitWithClusters(cluster);
    ssm = new SSMClient(sandboxClientConfig(kit.sandbox));
  });
  afterAll(async () => {
    ssm.destroy();
    await stopKit(kit);
  });

  const taskView = async (arn: string) =>
    (await (
      await fetch(`${kit.sandbox.url}/_sandbox/tasks/${encodeURIComponent(arn)}`)
    ).json()) as { containers: { environment: Record<string, string> }[] };

  /** Registers a one-container task definition with these secrets and runs it once. */
  const runWithSecrets = async (family: string, secrets: { name: string; valueFrom: string }[]) => {
    const registered = await kit.ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        cpu: '256',
        memory: '512',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        containerDefinitions: [{ name: 'app', image: 'app:1-hang', essential: true, secrets }],
      }),
    );
    const taskDefinition = registered.taskDefinition?.taskDefinitionArn as string;
    const run = await kit.ecs.send(
      new RunTaskCommand({
        cluster,
        taskDefinition,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'] } },
      }),
    );
    return { taskDefinition, task: run.tasks?.[0] as Task };
  };
  const taskOnceIn = (arn: string, statuses: string[]) =>
    waitUntil(async () => {
      const task = (await kit.ecs.send(new DescribeTasksCommand({ cluster, tasks: [arn] })))
        .tasks?.[0];
      return task && statuses.includes(task.lastStatus ?? '') ? task : undefined;
    });

  it('puts, gets and deletes parameters; a SecureString is decrypted only WithDecryption', async () => {
    expect(
      await ssm.send(
        new PutParameterCommand({
          Name: '/shop/db-password',
          Value: 'first',
          Type: 'SecureString',
        }),
      ),
    ).toMatchObject({ Version: 1, Tier: 'Standard' });
    expect(
      await failureOf(
        ssm.send(new PutParameterCommand({ Name: '/shop/db-password', Value: DB_PASSWORD })),
      ),
    ).toEqual({
      name: 'ParameterAlreadyExists',
      message:
        'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
    });
    expect(
      await ssm.send(
        new PutParameterCommand({ Name: '/shop/db-password', Value: DB_PASSWORD, Overwrite: true }),
      ),
    ).toMatchObject({ Version: 2 });

    const hidden = await ssm.send(new GetParameterCommand({ Name: '/shop/db-password' }));
    expect(hidden.Parameter).toMatchObject({
      Name: '/shop/db-password',
      Type: 'SecureString',
      Version: 2,
      ARN: 'arn:aws:ssm:eu-west-1:123456789012:parameter/shop/db-password',
      DataType: 'text',
    });
    expect(hidden.Parameter?.Value).not.toContain(DB_PASSWORD);
    expect(hidden.Parameter?.LastModifiedDate).toBeInstanceOf(Date);
    const byArn = await ssm.send(
      new GetParameterCommand({
        Name: 'arn:aws:ssm:eu-west-1:123456789012:parameter/shop/db-password',
        WithDecryption: true,
      }),
    );
    expect(byArn.Parameter?.Value).toBe(DB_PASSWORD);

    await ssm.send(
      new PutParameterCommand({ Name: 'api-token', Value: API_TOKEN, Type: 'String' }),
    );
    const many = await ssm.send(
      new GetParametersCommand({ Names: ['api-token', '/shop/missing'], WithDecryption: true }),
    );
    expect(many.Parameters?.map((p) => [p.Name, p.Value])).toEqual([['api-token', API_TOKEN]]);
    expect(many.InvalidParameters).toEqual(['/shop/missing']);

    await ssm.send(new PutParameterCommand({ Name: 'short-lived', Value: 'x', Type: 'String' }));
    await ssm.send(new DeleteParameterCommand({ Name: 'short-lived' }));
    expect((await failureOf(ssm.send(new GetParameterCommand({ Name: 'short-lived' })))).name).toBe(
      'ParameterNotFound',
    );
    expect(
      (await failureOf(ssm.send(new DeleteParameterCommand({ Name: 'short-lived' })))).name,
    ).toBe('ParameterNotFound');

    const state = JSON.stringify(await (await fetch(`${kit.sandbox.url}/_sandbox/state`)).json());
    expect(state).toContain('/shop/db-password');
    expect(state).not.toContain(DB_PASSWORD);
  });

  it('gives a task the values of the parameters its secrets name, by ARN or by name, and shows only the references', async () => {
    const { taskDefinition, task } = await runWithSecrets('reads-ssm', [
      {
        name: 'DB_PASSWORD',
        valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/shop/db-password',
      },
      { name: 'API_TOKEN', valueFrom: 'api-token' },
    ]);
    await taskOnceIn(task.taskArn as string, ['RUNNING']);
    expect((await taskView(task.taskArn as string)).containers[0].environment).toEqual({
      DB_PASSWORD,
      API_TOKEN,
    });
    const described = await kit.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }));
    expect(JSON.stringify(described)).not.toContain(DB_PASSWORD);
    expect(described.taskDefinition?.containerDefinitions?.[0].secrets).toEqual([
      {
        name: 'DB_PASSWORD',
        valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/shop/db-password',
      },
      { name: 'API_TOKEN', valueFrom: 'api-token' },
    ]);
  });

  it('fails to start a task whose secrets name a parameter that does not exist, as ECS words it', async () => {
    const { task } = await runWithSecrets('reads-missing', [
      { name: 'GONE', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/shop/gone' },
      { name: 'API_TOKEN', valueFrom: 'api-token' },
    ]);
    const stopped = await taskOnceIn(task.taskArn as string, ['STOPPED']);
    expect(stopped).toMatchObject({
      stopCode: 'TaskFailedToStart',
      stoppedReason:
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: /shop/gone',
    });
    expect(stopped.startedAt).toBeUndefined();
    expect(stopped.containers?.[0].exitCode).toBeUndefined();
  });

  it('creates, updates in place and deletes an AWS::SSM::Parameter with its stack', async () => {
    const template = (value: string) =>
      JSON.stringify({
        Resources: {
          Endpoint: {
            Type: 'AWS::SSM::Parameter',
            Properties: { Name: '/shop/endpoint', Type: 'String', Value: value },
          },
        },
        Outputs: {
          Name: { Value: { Ref: 'Endpoint' } },
          Value: { Value: { 'Fn::GetAtt': ['Endpoint', 'Value'] } },
        },
      });
    await kit.cfn.send(
      new CreateStackCommand({ StackName: 'params', TemplateBody: template('https://a') }),
    );
    const created = await waitForStack(kit, 'params');
    expect(created.StackStatus).toBe('CREATE_COMPLETE');
    expect(created.Outputs?.map((o) => o.OutputValue)).toEqual(
      expect.arrayContaining(['/shop/endpoint', 'https://a']),
    );
    await kit.cfn.send(
      new UpdateStackCommand({ StackName: 'params', TemplateBody: template('https://b') }),
    );
    expect((await waitForStack(kit, 'params')).StackStatus).toBe('UPDATE_COMPLETE');
    expect(
      (await ssm.send(new GetParameterCommand({ Name: '/shop/endpoint' }))).Parameter,
    ).toMatchObject({ Value: 'https://b', Version: 2, Type: 'String' });
    await kit.cfn.send(new DeleteStackCommand({ StackName: 'params' }));
    await waitUntil(async () =>
      (
        await failureOf(ssm.send(new GetParameterCommand({ Name: '/shop/endpoint' }))).catch(
          () => undefined,
        )
      )?.name === 'ParameterNotFound'
        ? true
        : undefined,
    );
  });
});
