import { ACCOUNT_ID } from '../ids';
import { CfnError, templateError, validationError } from './cfn-error';
import type { InputParameter, StackParameter, Template, TemplateResource } from './cfn-types';
import { dependencies, topologicalOrder } from './dependency-order';
import { evaluateConditions, referencedNames, type ResolveContext } from './intrinsics';
import { resolveParameters, type ResolvedParameters } from './parameters';
import { PROVIDERS } from './resources';
import { checkConditionsAndAttributes, checkStructure } from './template-checks';
import { parseTemplate } from './template-parser';

export interface StackIdentity {
  region: string;
  stackName: string;
  stackId: string;
}

export interface TemplatePlan {
  template: Template;
  parameters: ResolvedParameters;
  pseudo: Record<string, string>;
  conditions: Record<string, boolean>;
  /** Resources whose condition holds, in template order. */
  resources: Record<string, TemplateResource>;
  dependencies: Record<string, string[]>;
  order: string[];
}

export function pseudoParameters(id: StackIdentity): Record<string, string> {
  return {
    'AWS::AccountId': ACCOUNT_ID,
    'AWS::Region': id.region,
    'AWS::StackName': id.stackName,
    'AWS::StackId': id.stackId,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::NotificationARNs': '',
  };
}

/** Checks a template's shape the way CloudFormation does before anything runs. */
export function validateTemplate(template: Template): void {
  checkStructure(template);
  const resources = template.Resources;
  if (!resources || typeof resources !== 'object' || Object.keys(resources).length === 0) {
    throw templateError('At least one Resources member must be defined.');
  }
  for (const [id, r] of Object.entries(resources)) {
    if (!r || typeof r !== 'object' || typeof r.Type !== 'string') {
      throw templateError(`[/Resources/${id}] Every Resources object must contain a Type member.`);
    }
  }
  const unknown = [...new Set(Object.values(resources).map((r) => r.Type))].filter(
    (t) => !PROVIDERS[t],
  );
  if (unknown.length > 0)
    throw templateError(`Unrecognized resource types: [${unknown.join(', ')}]`);
  for (const [name, p] of Object.entries(template.Parameters ?? {})) {
    if (!p || typeof p.Type !== 'string')
      throw templateError(
        `[/Parameters/${name}] Every Parameters object must contain a Type member.`,
      );
  }
  const known = new Set([...Object.keys(resources), ...Object.keys(template.Parameters ?? {})]);
  const blocks: [string, unknown][] = [
    ['Resources', Object.values(resources).map((r) => r.Properties ?? {})],
    ['Outputs', template.Outputs ?? {}],
  ];
  for (const [block, content] of blocks) {
    const unresolved = [...referencedNames(content)].filter(
      (n) => !known.has(n) && !n.startsWith('AWS::'),
    );
    if (unresolved.length > 0) {
      throw templateError(
        `Unresolved resource dependencies [${unresolved.join(', ')}] in the ${block} block of the template`,
      );
    }
  }
  checkConditionsAndAttributes(template);
  topologicalOrder(dependencies(resources));
}

/** The capabilities a template needs: IAM roles need CAPABILITY_IAM, named ones CAPABILITY_NAMED_IAM. */
export function requiredCapabilities(template: Template): string[] {
  const roles = Object.values(template.Resources ?? {}).filter((r) => r.Type === 'AWS::IAM::Role');
  if (roles.length === 0) return [];
  return roles.some((r) => r.Properties?.RoleName !== undefined)
    ? ['CAPABILITY_NAMED_IAM']
    : ['CAPABILITY_IAM'];
}

export function checkCapabilities(template: Template, given: string[]): void {
  const needed = requiredCapabilities(template);
  if (needed.length === 0) return;
  const ok =
    needed[0] === 'CAPABILITY_IAM'
      ? given.some((c) => c.endsWith('IAM'))
      : given.includes('CAPABILITY_NAMED_IAM');
  if (!ok)
    throw new CfnError(
      'InsufficientCapabilitiesException',
      `Requires capabilities : [${needed[0]}]`,
    );
}

/** Parses, validates and resolves parameters and conditions: everything a stack operation needs first. */
export function planTemplate(
  body: string,
  input: InputParameter[],
  id: StackIdentity,
  previous: StackParameter[] = [],
): TemplatePlan {
  if (!body) throw validationError('Either Template URL or Template Body must be specified.');
  if (Buffer.byteLength(body) > 51_200)
    throw validationError(
      "1 validation error detected: Value at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to 51200",
    );
  const template = parseTemplate(body);
  validateTemplate(template);
  const parameters = resolveParameters(template.Parameters, input, previous);
  const pseudo = pseudoParameters(id);
  const conditions = evaluateConditions(template.Conditions, {
    parameters: parameters.values,
    pseudo,
    mappings: template.Mappings ?? {},
    resource: () => undefined,
  });
  const resources: Record<string, TemplateResource> = {};
  for (const [logicalId, r] of Object.entries(template.Resources ?? {})) {
    if (r.Condition === undefined || conditions[r.Condition]) resources[logicalId] = r;
  }
  const deps = dependencies(resources);
  return {
    template,
    parameters,
    pseudo,
    conditions,
    resources,
    dependencies: deps,
    order: topologicalOrder(deps),
  };
}

/** What intrinsics resolve against in a plan: its parameters, pseudo parameters, conditions and
 * mappings, with resources looked up as the caller knows them (deployed, or still to come). */
export function planResolveContext(
  plan: TemplatePlan,
  resource: ResolveContext['resource'],
): ResolveContext {
  return {
    parameters: plan.parameters.values,
    pseudo: plan.pseudo,
    conditions: plan.conditions,
    mappings: plan.template.Mappings ?? {},
    resource,
  };
}
