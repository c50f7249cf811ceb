import { stepStackName } from '@gantry/domain';
import { templateProblems } from '../test/cfn-schema-validator';
import { renderInput } from '../test/fixtures';
import { renderStack } from './render-stack';

/** A step of a deployment process other than the single-step model's deploys its own stack. */
describe('renderStack for a step of a process', () => {
  it.each<[string, boolean, 'acme' | undefined, string]>([
    ['a new step, tenanted', false, 'acme', 'gantry-shop-worker-prod-acme'],
    ['a new step, untenanted', false, undefined, 'gantry-shop-worker-prod'],
    ['the migrated single step', true, 'acme', 'gantry-shop-prod-acme'],
  ])('%s: one name everywhere, valid against the schemas', (_case, legacy, tenant, name) => {
    const input = renderInput({ tenant });
    const stackName = stepStackName(
      'shop',
      { slug: 'worker', legacyStackName: legacy },
      'prod',
      tenant,
    );
    expect(stackName).toBe(name);
    const { template } = renderStack({ ...input, stackName });
    const resources = template.Resources as Record<string, { Properties: Record<string, unknown> }>;
    expect(resources.Service.Properties.ServiceName).toBe(name);
    expect(resources.TaskDefinition.Properties.Family).toBe(name);
    expect(resources.LogGroup.Properties.LogGroupName).toBe(`/gantry/${name}`);
    expect(templateProblems(template as Parameters<typeof templateProblems>[0])).toEqual([]);
  });

  it('names the stack as the single-step model without a stack name', () => {
    const { template } = renderStack(renderInput({ tenant: 'acme' }));
    const resources = template.Resources as Record<string, { Properties: Record<string, unknown> }>;
    expect(resources.Service.Properties.ServiceName).toBe('gantry-shop-prod-acme');
  });
});
