import { parse } from 'yaml';
import { DomainError, ecsRunTaskStepSchema } from '@gantry/domain';
import { convertRunTaskStep, renderRunTaskStack, toJson, toYaml } from './index';
import { templateProblems } from '../test/cfn-schema-validator';
import { golden } from '../test/golden';
import { ids, migrationStep, runTaskRenderInput, shopVariables } from '../test/fixtures';
import type { CfnTemplate } from './template.types';

const SECRETS = ['dev-password', 'pr0d-$ecret'];

const fixtures: [string, () => { template: CfnTemplate }][] = [
  ['run-task.migrate.prod', () => renderRunTaskStack(runTaskRenderInput())],
  [
    'run-task.migrate.dev-acme',
    () => renderRunTaskStack(runTaskRenderInput({ environment: 'dev', tenant: 'acme' })),
  ],
  [
    'converted.run-task.migrate',
    () =>
      convertRunTaskStep({
        project: { id: ids.project, slug: 'shop', name: 'Shop' },
        step: { slug: 'migrate', name: 'Migrate database' },
        body: ecsRunTaskStepSchema.parse(migrationStep),
        variables: shopVariables,
        images: { migrate: '1.4.0' },
        releaseVersion: '1.4.0',
      }),
  ],
];

describe.each(fixtures)('golden %s', (name, render) => {
  const { template } = render();

  it('matches the golden JSON and YAML byte for byte', () => {
    expect(toJson(template)).toBe(golden(`${name}.json.golden`, toJson(template)));
    expect(toYaml(template)).toBe(golden(`${name}.yaml.golden`, toYaml(template)));
  });

  it('is valid against the CloudFormation resource schemas', () => {
    expect(templateProblems(template as Parameters<typeof templateProblems>[0])).toEqual([]);
  });

  it('reads back from YAML equal to the JSON', () => {
    expect(parse(toYaml(template))).toEqual(JSON.parse(toJson(template)));
  });

  it('is a retained task definition, its log group and the secret of its sensitive URL, no service, no #{…} and no secret value', () => {
    expect(Object.keys(template.Resources).sort()).toEqual([
      'LogGroup',
      'SecretDbUrl',
      'TaskDefinition',
    ]);
    expect(template.Resources.TaskDefinition).toMatchObject({
      Type: 'AWS::ECS::TaskDefinition',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    const json = toJson(template);
    expect(json).not.toContain('#{');
    for (const secret of SECRETS) expect(json).not.toContain(secret);
  });
});

describe('renderRunTaskStack', () => {
  it('names the family after the step stack, passes image tags and the secret as parameters', () => {
    const result = renderRunTaskStack(runTaskRenderInput());
    const props = result.template.Resources.TaskDefinition.Properties as Record<string, unknown>;
    expect(props).toMatchObject({
      Family: 'gantry-shop-migrate-prod',
      Cpu: '512',
      Memory: '4096',
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['FARGATE'],
    });
    expect(result.parameters).toEqual([
      {
        key: 'DbUrl',
        value: 'postgres://shop:pr0d-$ecret@db.prod.internal:5432/shop',
        noEcho: true,
      },
      { key: 'ImageTagMigrate', value: '1.4.0', noEcho: false },
      { key: 'ImageTagXray', value: '3.3.7', noEcho: false },
    ]);
    expect(result.template.Outputs).toHaveProperty('TaskDefinitionArn');
    expect(result.template.Outputs).not.toHaveProperty('ServiceArn');
  });

  it('is pure: the same input gives the same hash', () => {
    expect(renderRunTaskStack(runTaskRenderInput()).hash).toBe(
      renderRunTaskStack(runTaskRenderInput()).hash,
    );
  });

  it('checks the step before anything is sent, naming the run-task fields', () => {
    const input = runTaskRenderInput();
    input.release.images = { xray: '3.3.7' };
    input.variables = input.variables.map((variable) =>
      variable.name === 'Subnet.A' ? { ...variable, value: 'not-a-subnet' } : variable,
    );
    let error: unknown;
    try {
      renderRunTaskStack(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors.map((e) => e.path).sort()).toEqual([
      'release.images.migrate',
      'step.network.subnets.0',
    ]);
  });
});
