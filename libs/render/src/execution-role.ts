import type { BuildContext } from './build-context';
import { ref, sub } from './intrinsics';
import type { CfnResource, CfnValue } from './template.types';

export const TASK_EXECUTION_POLICY_ARN =
  'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';

/**
 * The execution role a step without `task.executionRoleArn` gets: ECS's managed policy (image
 * pulls, awslogs) plus read access to exactly the secrets its containers use, those of the stack
 * and the step's own `secrets` ARNs (Secrets Manager and SSM Parameter Store).
 */
export function executionRole(context: BuildContext): CfnResource {
  const { secretsManager, parameterStore } = secretResources(context);
  const statements: CfnValue[] = [];
  if (secretsManager.length > 0)
    statements.push({
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue'],
      Resource: secretsManager,
    });
  if (parameterStore.length > 0)
    statements.push({ Effect: 'Allow', Action: ['ssm:GetParameters'], Resource: parameterStore });
  const props: { [key: string]: CfnValue } = {
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'ecs-tasks.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
      ],
    },
    Description: 'ECS task execution role created by Gantry',
    ManagedPolicyArns: [TASK_EXECUTION_POLICY_ARN],
    Tags: context.tags,
  };
  if (statements.length > 0)
    props.Policies = [
      {
        PolicyName: 'read-task-secrets',
        PolicyDocument: { Version: '2012-10-17', Statement: statements },
      },
    ];
  return { Type: 'AWS::IAM::Role', Properties: props };
}

/** The resources the execution role must read, unique and in a stable order. */
function secretResources(context: BuildContext): {
  secretsManager: CfnValue[];
  parameterStore: CfnValue[];
} {
  const secretsManager = new Map<string, CfnValue>();
  const parameterStore = new Map<string, CfnValue>();
  for (const secret of context.secrets.secrets)
    secretsManager.set(`~${secret.logicalId}`, ref(secret.logicalId));
  for (const container of context.step.containers) {
    for (const raw of Object.values(container.secrets)) {
      const { kind, resource } = secretResource(raw, context);
      const key = JSON.stringify(resource);
      (kind === 'ssm' ? parameterStore : secretsManager).set(key, resource);
    }
  }
  const sorted = (map: Map<string, CfnValue>) =>
    [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
  return { secretsManager: sorted(secretsManager), parameterStore: sorted(parameterStore) };
}

/**
 * What a `secrets` entry points at: a Secrets Manager secret (its ARN without the
 * `:json-key:version-stage:version-id` suffix ECS accepts) or an SSM parameter (an ARN, or a
 * parameter name in the stack's region and account).
 */
function secretResource(
  raw: string,
  context: BuildContext,
): { kind: 'secretsmanager' | 'ssm'; resource: CfnValue } {
  const value = context.values.expand(raw);
  if (value === null) {
    const kind = raw.includes(':secretsmanager:') ? 'secretsmanager' : 'ssm';
    return { kind, resource: context.values.text(raw) };
  }
  if (value.startsWith('arn:')) {
    const parts = value.split(':');
    if (parts[2] === 'secretsmanager')
      return { kind: 'secretsmanager', resource: parts.slice(0, 7).join(':') };
    return { kind: 'ssm', resource: context.values.text(raw) };
  }
  const name = value.replace(/^\//, '').replace(/\$\{/g, '${!');
  return {
    kind: 'ssm',
    resource: sub(
      `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${name}`,
    ),
  };
}
