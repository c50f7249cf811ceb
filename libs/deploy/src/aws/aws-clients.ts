import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ECSClient } from '@aws-sdk/client-ecs';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { TargetAwsAccess } from '@gantry/persistence';

export interface AwsClients {
  cloudformation: CloudFormationClient;
  ecs: ECSClient;
  /** The rate-limit bucket these clients share: one per endpoint or account, and region. */
  limiterKey: string;
}

const SANDBOX_CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: 'sandbox',
  secretAccessKey: 'sandbox',
};

/**
 * SDK clients for a target. Retries are ours (shared rate limiter, jittered back-off), so the
 * SDK's own are off: one SDK attempt is one AWS call, which also keeps call counts honest.
 */
export function createAwsClients(target: TargetAwsAccess, sandboxUrl: string): AwsClients {
  const credentials = target.credentials;
  const endpoint = target.endpoint ?? (credentials.type === 'sandbox' ? sandboxUrl : undefined);
  const config = {
    region: target.region,
    endpoint,
    credentials: credentialsFor(target),
    maxAttempts: 1,
  };
  const account =
    credentials.type === 'keys'
      ? credentials.accessKeyId
      : credentials.type === 'assume-role'
        ? credentials.roleArn
        : 'default';
  return {
    cloudformation: new CloudFormationClient(config),
    ecs: new ECSClient(config),
    limiterKey: `${endpoint ?? account}|${target.region}`,
  };
}

function credentialsFor(
  target: TargetAwsAccess,
): AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined {
  const credentials = target.credentials;
  switch (credentials.type) {
    case 'sandbox':
      return SANDBOX_CREDENTIALS;
    case 'keys':
      return { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey };
    case 'assume-role':
      return fromTemporaryCredentials({
        params: {
          RoleArn: credentials.roleArn,
          ExternalId: credentials.externalId ?? undefined,
          RoleSessionName: `gantry-${target.targetId.slice(0, 8)}`,
        },
        clientConfig: { region: target.region },
      });
    case 'default':
      return undefined; // the SDK's default provider chain
  }
}
