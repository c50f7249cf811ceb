import { createHash } from 'node:crypto';
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

/** How long a pooled set of clients lives after its last use. */
const POOL_IDLE_MS = 10 * 60_000;

/**
 * SDK clients shared by every deployment of a target's account (endpoint, region and
 * credentials): a fan-out to 1,000 tenants of one target keeps one pair of clients, not 1,000,
 * and the batchers made for them (`attach`) serve all those deployments. Unused entries go after
 * ten minutes; changed credentials make a new entry (the key holds a digest of them).
 */
export class AwsClientPool<Extra extends object = object> {
  private readonly entries = new Map<string, { clients: AwsClients & Extra; usedAt: number }>();

  constructor(
    private readonly sandboxUrl: string,
    private readonly attach: (clients: AwsClients) => Extra = () => ({}) as Extra,
    private readonly now: () => number = Date.now,
  ) {}

  clientsFor(target: TargetAwsAccess): AwsClients & Extra {
    const now = this.now();
    for (const [key, entry] of this.entries)
      if (now - entry.usedAt > POOL_IDLE_MS) this.entries.delete(key);
    const key = poolKey(target, this.sandboxUrl);
    let entry = this.entries.get(key);
    if (!entry) {
      const clients = createAwsClients(target, this.sandboxUrl);
      entry = { clients: Object.assign(clients, this.attach(clients)), usedAt: now };
      this.entries.set(key, entry);
    }
    entry.usedAt = now;
    return entry.clients;
  }

  get size(): number {
    return this.entries.size;
  }
}

function poolKey(target: TargetAwsAccess, sandboxUrl: string): string {
  const credentials = target.credentials;
  const identity = JSON.stringify([
    target.endpoint ?? (credentials.type === 'sandbox' ? sandboxUrl : null),
    target.region,
    credentials,
    // The assumed role's session is named after the target.
    credentials.type === 'assume-role' ? target.targetId : null,
  ]);
  return createHash('sha256').update(identity).digest('hex');
}
