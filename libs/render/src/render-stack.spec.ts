import { DomainError, type EcsServiceStepInput } from '@gantry/domain';
import { renderStack, templateHash, toJson, type CfnTemplate, type RenderInput } from './index';
import { at, containers, envValue } from '../test/navigate';
import {
  allOptionsOffStep,
  allOptionsOnStep,
  ids,
  optionSteps,
  optionVariables,
  renderInput,
  shopVariables,
  singleContainerStep,
} from '../test/fixtures';

const web = (template: CfnTemplate) => containers(template)[0];
const env = envValue;
const secretOf = (container: unknown, name: string) =>
  (at(container, 'Secrets') as { Name: string; ValueFrom: unknown }[] | undefined)?.find(
    (secret) => secret.Name === name,
  )?.ValueFrom;

describe('renderStack: scoped variables', () => {
  it.each<[string, Partial<Parameters<typeof renderInput>[0]>, string, number, number]>([
    ['dev, untenanted: environment-scoped LogLevel', { environment: 'dev' }, 'debug', 1, 2048],
    [
      'prod, untenanted: unscoped LogLevel, environment-scoped count',
      { environment: 'prod' },
      'info',
      3,
      4096,
    ],
    [
      'prod, acme: environment+tenant LogLevel, tenant count beats environment',
      { environment: 'prod', tenant: 'acme' },
      'warn',
      5,
      4096,
    ],
    [
      'prod, globex: a tenant-scoped value of another tenant does not apply',
      { environment: 'prod', tenant: 'globex' },
      'info',
      3,
      4096,
    ],
  ])('%s', (_title, options, logLevel, desired, memory) => {
    const { template } = renderStack(renderInput(options));
    expect(env(web(template), 'LOG_LEVEL')).toBe(logLevel);
    expect(at(template, 'Resources', 'Service', 'Properties', 'DesiredCount')).toBe(desired);
    expect(template.Resources.TaskDefinition.Properties.Memory).toBe(String(memory));
  });

  it.each([
    ['acme', 'postgres://shop:pr0d-$ecret@acme.db.prod.internal:5432/shop'],
    ['globex', 'postgres://shop:pr0d-$ecret@db.prod.internal:5432/shop'],
  ])(
    'puts the nested sensitive value for %s in a secret fed by a NoEcho parameter',
    (tenant, url) => {
      const { template, parameters } = renderStack(
        renderInput({ tenant: tenant as 'acme' | 'globex' }),
      );
      expect(env(web(template), 'DATABASE_URL')).toBeUndefined();
      expect(secretOf(web(template), 'DATABASE_URL')).toEqual({ Ref: 'SecretDbUrl' });
      expect(template.Resources.SecretDbUrl.Properties.SecretString).toEqual({ Ref: 'DbUrl' });
      expect(template.Parameters.DbUrl).toEqual({
        Type: 'String',
        Description: 'Sensitive Gantry variable Db.Url',
        NoEcho: true,
      });
      expect(parameters).toContainEqual({ key: 'DbUrl', value: url, noEcho: true });
      const migrate = containers(template)[2];
      expect(secretOf(migrate, 'DATABASE_URL')).toEqual({ Ref: 'SecretDbUrl' });
    },
  );

  it('uses a target-scoped value on that target only', () => {
    const input = renderInput();
    const subnets = (target: RenderInput['target']) =>
      at(
        renderStack({ ...input, target }).template,
        'Resources',
        'Service',
        'Properties',
        'NetworkConfiguration',
        'AwsvpcConfiguration',
        'Subnets',
      );
    expect(subnets(input.target)).toEqual(['subnet-0aaa1111', 'subnet-0bbb2222']);
    expect(subnets({ ...input.target, id: ids.usTarget })).toEqual([
      'subnet-0aaa1111',
      'subnet-0ccc3333',
    ]);
  });

  it('uses a channel-scoped value in that channel', () => {
    const input = renderInput();
    const tags = renderStack({
      ...input,
      channel: { id: ids.hotfix, slug: 'hotfix', name: 'Hotfix' },
    }).template.Resources.Service.Properties.Tags;
    expect(tags).toContainEqual({ Key: 'cost-center', Value: 'cc-hotfix' });
  });
});

describe('renderStack: template shape', () => {
  it('passes image tags and only the sensitive variables used, sorted', () => {
    const { parameters } = renderStack(renderInput({ environment: 'dev' }));
    expect(parameters.map((parameter) => [parameter.key, parameter.noEcho])).toEqual([
      ['DbPassword', true],
      ['DbUrl', true],
      ['ImageTagApi', false],
      ['ImageTagMigrate', false],
      ['ImageTagShopWeb', false],
    ]);
  });

  it('writes literal text around a sensitive value into a secret through Fn::Sub, escaping ${', () => {
    const step = {
      ...singleContainerStep,
      containers: [
        { ...singleContainerStep.containers[0], environment: { DSN: 'u:#{Pw}@${HOST}' } },
      ],
    };
    const variables = [{ name: 'Pw', value: 'p', sensitive: true, scope: {} }];
    const { template } = renderStack(renderInput({ step, variables }));
    expect(secretOf(web(template), 'DSN')).toEqual({ Ref: 'SecretWebDSN' });
    expect(template.Resources.SecretWebDSN.Properties.SecretString).toEqual({
      'Fn::Sub': 'u:${Pw}@${!HOST}',
    });
  });

  it('tags resources with Gantry tags over the user tags, and keeps the deployment id out of them', () => {
    const { template } = renderStack(renderInput({ tenant: 'acme', deploymentId: 'dep-1' }));
    const tags = template.Resources.Service.Properties.Tags as { Key: string; Value: unknown }[];
    expect(tags.filter((tag) => tag.Key.startsWith('gantry:'))).toEqual([
      { Key: 'gantry:environment', Value: 'prod' },
      { Key: 'gantry:project', Value: 'shop' },
      { Key: 'gantry:release', Value: '1.4.0' },
      { Key: 'gantry:tenant', Value: 'acme' },
    ]);
    expect(template.Metadata.Gantry.deploymentId).toBe('dep-1');
    expect(JSON.stringify(template.Resources)).not.toContain('dep-1');
  });

  it('omits the tenant tag, the log group and its output when untenanted and nothing logs', () => {
    const step = {
      ...singleContainerStep,
      containers: [{ ...singleContainerStep.containers[0], logging: 'none' as const }],
    };
    const { template } = renderStack(renderInput({ step, variables: [] }));
    expect(Object.keys(template.Resources)).toEqual(['Service', 'TaskDefinition']);
    expect(Object.keys(template.Outputs)).toEqual([
      'ServiceArn',
      'ServiceName',
      'TaskDefinitionArn',
    ]);
    expect(JSON.stringify(template)).not.toContain('gantry:tenant');
  });

  it('keeps logical ids and names across releases', () => {
    const a = renderStack(renderInput({ tenant: 'acme' })).template;
    const input = renderInput({ tenant: 'acme' });
    const b = renderStack({
      ...input,
      release: { ...input.release, id: 'other', version: '2.0.0' },
    }).template;
    expect(Object.keys(b.Resources)).toEqual(Object.keys(a.Resources));
    expect(b.Resources.Service.Properties.ServiceName).toBe('gantry-shop-prod-acme');
    expect(b.Resources.TaskDefinition.Properties.Family).toBe(
      a.Resources.TaskDefinition.Properties.Family,
    );
  });
});

describe('renderStack: determinism', () => {
  it('gives the same bytes and hash whatever the order of variables and record keys', () => {
    const input = renderInput({ tenant: 'acme' });
    const reordered: RenderInput = {
      ...input,
      variables: [...shopVariables].reverse(),
      release: {
        ...input.release,
        images: Object.fromEntries(Object.entries(input.release.images).reverse()),
      },
    };
    reordered.release.step = {
      ...input.release.step,
      tags: Object.fromEntries(Object.entries(input.release.step.tags).reverse()),
    };
    const a = renderStack(input);
    const b = renderStack(reordered);
    expect(toJson(b.template)).toBe(toJson(a.template));
    expect(b.hash).toBe(a.hash);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves the deployment id out of the hash but not out of the template', () => {
    const a = renderStack(renderInput({ deploymentId: 'dep-1' }));
    const b = renderStack(renderInput({ deploymentId: 'dep-2' }));
    expect(a.hash).toBe(b.hash);
    expect(toJson(a.template)).not.toBe(toJson(b.template));
    expect(templateHash(a.template)).toBe(a.hash);
    expect(templateHash(JSON.parse(JSON.stringify(b.template)))).toBe(a.hash);
  });

  it('changes the hash when the rendered template changes', () => {
    expect(renderStack(renderInput({ environment: 'dev' })).hash).not.toBe(
      renderStack(renderInput({ environment: 'prod' })).hash,
    );
  });
});

describe('renderStack: variable failures', () => {
  const failure = (input: RenderInput): DomainError => {
    try {
      renderStack(input);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a DomainError');
  };

  it.each<[string, RenderInput, string, string[]]>([
    [
      'an unresolved variable',
      renderInput({ variables: shopVariables.filter((v) => v.name !== 'LogLevel') }),
      'unresolved_variable',
      ['step.containers.0.environment.LOG_LEVEL'],
    ],
    [
      'an ambiguous variable',
      renderInput({
        variables: [
          ...shopVariables,
          { name: 'LogLevel', value: 'x', sensitive: false, scope: { environments: [ids.dev] } },
        ],
        environment: 'dev',
      }),
      'ambiguous_variable',
      ['step.containers.0.environment.LOG_LEVEL'],
    ],
    [
      'a cycle',
      renderInput({
        variables: [
          ...shopVariables.filter((v) => v.name !== 'Db.Host'),
          { name: 'Db.Host', value: '#{Db.Url}', sensitive: false, scope: {} },
        ],
      }),
      'variable_cycle',
      ['variables.Db.Url'],
    ],
  ])('refuses %s before rendering', (_title, input, code, paths) => {
    const error = failure(input);
    expect(error.code).toBe(code);
    expect(error.errors.map((item) => item.path)).toEqual(paths);
  });

  it('does not refuse for an unused ambiguous variable', () => {
    expect(() => renderStack(renderInput())).not.toThrow();
  });
});

describe('renderStack: production options', () => {
  const render = (step: EcsServiceStepInput) =>
    renderStack(renderInput({ step, variables: optionVariables })).template;

  it('creates the execution role when the step names none, granting exactly the secrets used', () => {
    const template = render(allOptionsOnStep);
    const role = template.Resources.ExecutionRole;
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(at(role, 'Properties', 'ManagedPolicyArns')).toEqual([
      'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
    ]);
    expect(at(role, 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement')).toEqual([
      {
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: [{ Ref: 'SecretDbPassword' }, { Ref: 'SecretWebDSN' }],
      },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameters'],
        Resource: ['arn:aws:ssm:eu-west-1:123456789012:parameter/shop/stripe'],
      },
    ]);
    expect(template.Resources.TaskDefinition.Properties.ExecutionRoleArn).toEqual({
      'Fn::GetAtt': ['ExecutionRole', 'Arn'],
    });
  });

  it('grants existing secrets by their ARN without the json-key suffix, and SSM names in the stack account', () => {
    const template = render(optionSteps['existing secrets']);
    const statements = at(
      template,
      'Resources',
      'ExecutionRole',
      'Properties',
      'Policies',
      0,
      'PolicyDocument',
      'Statement',
    );
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/session-AbCdEf'],
      },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameters'],
        Resource: [
          'arn:aws:ssm:eu-west-1:123456789012:parameter/shop/stripe',
          {
            'Fn::Sub':
              'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/shop/flags',
          },
        ],
      },
    ]);
  });

  it('creates no role when the step names one', () => {
    const template = renderStack(
      renderInput({ step: singleContainerStep, variables: [] }),
    ).template;
    expect(template.Resources.ExecutionRole).toBeUndefined();
    expect(template.Resources.TaskDefinition.Properties.ExecutionRoleArn).toBe(
      'arn:aws:iam::123456789012:role/shop-execution',
    );
  });

  it('leaves DesiredCount to Application Auto Scaling when auto-scaling is on', () => {
    const scaled = render(optionSteps['auto-scaling']);
    expect(scaled.Resources.Service.Properties.DesiredCount).toBeUndefined();
    expect(scaled.Resources.ScalableTarget.Properties.MinCapacity).toBe(2);
    expect(render(allOptionsOffStep).Resources.Service.Properties.DesiredCount).toBe(1);
  });

  it('uses the capacity provider strategy instead of the launch type', () => {
    const props = render(optionSteps['capacity providers']).Resources.Service.Properties;
    expect(props.LaunchType).toBeUndefined();
    expect(props.CapacityProviderStrategy).toEqual([
      { CapacityProvider: 'FARGATE', Weight: 1, Base: 1 },
      { CapacityProvider: 'FARGATE_SPOT', Weight: 3 },
    ]);
    expect(render(allOptionsOffStep).Resources.Service.Properties.LaunchType).toBe('FARGATE');
  });

  it('keeps a rotated sensitive value out of everything but the parameters', () => {
    const input = renderInput({ step: allOptionsOnStep, variables: optionVariables });
    const rotated = renderStack({
      ...input,
      variables: [{ ...optionVariables[0], value: 'rotated-s3cret' }],
    });
    expect(rotated.hash).toBe(renderStack(input).hash);
    expect(rotated.parameters).toContainEqual({
      key: 'DbPassword',
      value: 'rotated-s3cret',
      noEcho: true,
    });
  });
});
