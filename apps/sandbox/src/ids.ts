import { randomBytes, randomUUID } from 'node:crypto';

export const ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

export const uuid = (): string => randomUUID();
export const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** CloudFormation's random suffix for generated physical names, e.g. `AbC12dEf34Gh`. */
export function physicalSuffix(length = 12): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

/** A physical name as CloudFormation generates it: `<stack>-<logicalId>-<suffix>`, bounded. */
export function generatedName(stackName: string, logicalId: string, max = 255): string {
  const suffix = physicalSuffix();
  const room = max - suffix.length - 2;
  const stackPart = stackName.slice(0, Math.max(1, Math.floor(room / 2)));
  const logicalPart = logicalId.slice(0, room - stackPart.length);
  return `${stackPart}-${logicalPart}-${suffix}`;
}

/** An ECS deployment id: `ecs-svc/` and 19 digits. */
export function deploymentId(): string {
  let digits = String(1 + (randomBytes(1)[0] % 9));
  while (digits.length < 19) digits += String(randomBytes(1)[0] % 10);
  return `ecs-svc/${digits}`;
}

/** Region from a SigV4 Authorization header's credential scope; signatures are not checked. */
export function regionFromAuthorization(header: string | undefined): string {
  const match = header?.match(/Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//);
  return match?.[1] ?? DEFAULT_REGION;
}

export const arn = {
  stack: (region: string, name: string) =>
    `arn:aws:cloudformation:${region}:${ACCOUNT_ID}:stack/${name}/${uuid()}`,
  changeSet: (region: string, name: string) =>
    `arn:aws:cloudformation:${region}:${ACCOUNT_ID}:changeSet/${name}/${uuid()}`,
  cluster: (region: string, name: string) => `arn:aws:ecs:${region}:${ACCOUNT_ID}:cluster/${name}`,
  service: (region: string, cluster: string, name: string) =>
    `arn:aws:ecs:${region}:${ACCOUNT_ID}:service/${cluster}/${name}`,
  taskDefinition: (region: string, family: string, revision: number) =>
    `arn:aws:ecs:${region}:${ACCOUNT_ID}:task-definition/${family}:${revision}`,
  task: (region: string, cluster: string, id: string) =>
    `arn:aws:ecs:${region}:${ACCOUNT_ID}:task/${cluster}/${id}`,
  container: (region: string, cluster: string, taskId: string) =>
    `arn:aws:ecs:${region}:${ACCOUNT_ID}:container/${cluster}/${taskId}/${uuid()}`,
  logGroup: (region: string, name: string) =>
    `arn:aws:logs:${region}:${ACCOUNT_ID}:log-group:${name}:*`,
  role: (name: string, path = '/') => `arn:aws:iam::${ACCOUNT_ID}:role${path}${name}`,
};
