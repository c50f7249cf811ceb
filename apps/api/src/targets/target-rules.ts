import type { FieldError, TenantedMode } from '@gantry/domain';
import type { CredentialsType } from '@gantry/persistence';

export const CREDENTIAL_TYPES = [
  'default',
  'keys',
  'assume-role',
  'sandbox',
] as const satisfies readonly CredentialsType[];
export const TENANTED_MODES = [
  'untenanted',
  'tenanted',
  'mixed',
] as const satisfies readonly TenantedMode[];

/** The sandbox simulates one account; a target on it may leave the region out. */
export const SANDBOX_DEFAULT_REGION = 'us-east-1';

export const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
export const CLUSTER_NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;
export const CLUSTER_ARN_PATTERN =
  /^arn:aws[a-z-]*:ecs:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/;

type CredentialField = 'accessKeyId' | 'secretAccessKey' | 'roleArn' | 'externalId';

export type CredentialsBody = { type: CredentialsType } & Partial<
  Record<CredentialField, string | null>
>;

const ALLOWED: Record<CredentialsType, CredentialField[]> = {
  default: [],
  keys: ['accessKeyId', 'secretAccessKey'],
  'assume-role': ['roleArn', 'externalId'],
  sandbox: [],
};
const REQUIRED: Record<CredentialsType, CredentialField[]> = {
  default: [],
  keys: ['accessKeyId', 'secretAccessKey'],
  'assume-role': ['roleArn'],
  sandbox: [],
};
const FIELDS: CredentialField[] = ['accessKeyId', 'secretAccessKey', 'roleArn', 'externalId'];

const given = (value: string | null | undefined): value is string =>
  value !== undefined && value !== null;

/**
 * Problems of a credentials object on its own: fields that do not belong to its type, and
 * required fields left out. A PATCH may leave the secret out (`secretOptional`) to keep it.
 */
export function credentialProblems(body: CredentialsBody, secretOptional: boolean): FieldError[] {
  const foreign = FIELDS.filter(
    (field) => given(body[field]) && !ALLOWED[body.type].includes(field),
  ).map((path) => ({ path, message: `not allowed for credentials type '${body.type}'` }));
  const missing = REQUIRED[body.type]
    .filter((field) => !given(body[field]) && !(secretOptional && field === 'secretAccessKey'))
    .map((path) => ({ path, message: `required for credentials type '${body.type}'` }));
  return [...foreign, ...missing];
}

/** Credential columns of a target; `secretAccessKey` undefined keeps the stored secret. */
export interface CredentialColumns {
  credentialsType: CredentialsType;
  accessKeyId: string | null;
  secretAccessKey?: string | null;
  roleArn: string | null;
  externalId: string | null;
}

export interface StoredCredentials {
  credentialsType: CredentialsType;
  accessKeyId: string | null;
  hasSecret: boolean;
}

/**
 * The columns a credentials object writes. Sent credentials replace the stored ones, except
 * that `keys` sent without a secret keep the stored secret of the same access key id.
 */
export function credentialColumns(
  body: CredentialsBody,
  stored?: StoredCredentials,
): { columns: CredentialColumns; problems: FieldError[] } {
  const columns: CredentialColumns = {
    credentialsType: body.type,
    accessKeyId: body.type === 'keys' ? (body.accessKeyId ?? null) : null,
    secretAccessKey: body.type === 'keys' ? (body.secretAccessKey ?? undefined) : null,
    roleArn: body.type === 'assume-role' ? (body.roleArn ?? null) : null,
    externalId: body.type === 'assume-role' ? (body.externalId ?? null) : null,
  };
  if (body.type !== 'keys' || columns.secretAccessKey !== undefined)
    return { columns, problems: [] };
  const keepable =
    stored?.credentialsType === 'keys' &&
    stored.hasSecret &&
    stored.accessKeyId === columns.accessKeyId;
  if (keepable) return { columns, problems: [] };
  const message =
    stored?.credentialsType === 'keys'
      ? 'required when the access key id changes'
      : "required for credentials type 'keys'";
  return { columns, problems: [{ path: 'credentials.secretAccessKey', message }] };
}

export interface TargetState {
  credentialsType: CredentialsType;
  region: string | undefined;
  cluster: string;
  tenantedMode: TenantedMode;
  tenantCount: number;
}

/**
 * Rules across fields of a target, checked on the state it would have after the request. A
 * tenanted or mixed target without tenants takes every tenant (see `targetAcceptsTenant`).
 */
export function targetProblems(state: TargetState): FieldError[] {
  const problems: FieldError[] = [];
  if (!state.region)
    problems.push({ path: 'region', message: "required unless credentials.type is 'sandbox'" });
  const arnRegion = CLUSTER_ARN_PATTERN.exec(state.cluster)?.[1];
  if (arnRegion && state.region && arnRegion !== state.region) {
    problems.push({
      path: 'cluster',
      message: `the cluster ARN is in ${arnRegion} but the target's region is ${state.region}`,
    });
  }
  if (state.tenantedMode === 'untenanted' && state.tenantCount > 0) {
    problems.push({
      path: 'tenants',
      message:
        "an untenanted target cannot be limited to tenants; set tenantedMode to 'tenanted' or 'mixed'",
    });
  }
  return problems;
}
