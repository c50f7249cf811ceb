import { randomBytes } from 'node:crypto';
import { AwsJsonError, type JsonHandler } from '../http/json-service';
import { ACCOUNT_ID } from '../ids';
import type { SandboxState, SsmParameter } from '../state';

/** `X-Amz-Target: AmazonSSM.<Action>`: SSM's JSON 1.1 protocol. */
export const SSM_TARGET_PREFIX = 'AmazonSSM.';

export interface SsmContext {
  state: SandboxState;
  region: string;
}

const TYPES = ['String', 'StringList', 'SecureString'] as const;

/** A parameter's ARN: `parameter/` then the name without its leading slash. */
export const parameterArn = (region: string, name: string): string =>
  `arn:aws:ssm:${region}:${ACCOUNT_ID}:parameter/${name.replace(/^\//, '')}`;

/**
 * The parameter a name or ARN (as GetParameter and a container's `valueFrom` take them) refers
 * to. An ARN's `parameter/a/b` is the name `/a/b`, or `a/b`, whichever exists.
 */
export function findParameter(
  state: SandboxState,
  region: string,
  ref: string,
): SsmParameter | undefined {
  if (!ref.startsWith('arn:')) return state.ssmParameters.get(`${region}/${ref}`);
  const parts = ref.split(':');
  const resource = parts.slice(5).join(':');
  if (parts[2] !== 'ssm' || !resource.startsWith('parameter/')) return undefined;
  const path = resource.slice('parameter'.length);
  return (
    state.ssmParameters.get(`${parts[3]}/${path}`) ??
    state.ssmParameters.get(`${parts[3]}/${path.slice(1)}`)
  );
}

const notFound = () => new AwsJsonError('ParameterNotFound');

function requiredString(input: Record<string, unknown>, key: string): string {
  const value = input[key];
  if (typeof value !== 'string' || value === '')
    throw new AwsJsonError(
      'ValidationException',
      `1 validation error detected: Value null at '${key.charAt(0).toLowerCase()}${key.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  return value;
}

/** The API's `Parameter`: a SecureString's value only `WithDecryption`, its ciphertext otherwise. */
function view(parameter: SsmParameter, decrypt: boolean): Record<string, unknown> {
  const hidden = parameter.type === 'SecureString' && !decrypt;
  return {
    Name: parameter.name,
    Type: parameter.type,
    Value: hidden ? parameter.ciphertext : parameter.value,
    Version: parameter.version,
    LastModifiedDate: parameter.lastModifiedDate / 1000,
    ARN: parameter.arn,
    DataType: parameter.dataType,
  };
}

const putParameter: JsonHandler<SsmContext> = ({ state, region }, input) => {
  const name = requiredString(input, 'Name');
  const value = requiredString(input, 'Value');
  const key = `${region}/${name}`;
  const existing = state.ssmParameters.get(key);
  if (existing && input.Overwrite !== true)
    throw new AwsJsonError(
      'ParameterAlreadyExists',
      'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
    );
  const type = (input.Type as string | undefined) ?? existing?.type;
  if (!type)
    throw new AwsJsonError(
      'ValidationException',
      'A parameter type is required when you create a parameter.',
    );
  if (!TYPES.includes(type as SsmParameter['type']))
    throw new AwsJsonError(
      'ValidationException',
      `1 validation error detected: Value '${type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]`,
    );
  const parameter: SsmParameter = {
    name,
    arn: parameterArn(region, name),
    region,
    type: type as SsmParameter['type'],
    value,
    ciphertext: type === 'SecureString' ? randomBytes(96).toString('base64') : undefined,
    version: (existing?.version ?? 0) + 1,
    dataType: (input.DataType as string | undefined) ?? existing?.dataType ?? 'text',
    description: (input.Description as string | undefined) ?? existing?.description,
    lastModifiedDate: Date.now(),
  };
  state.ssmParameters.set(key, parameter);
  return { Version: parameter.version, Tier: 'Standard' };
};

const getParameter: JsonHandler<SsmContext> = ({ state, region }, input) => {
  const parameter = findParameter(state, region, requiredString(input, 'Name'));
  if (!parameter) throw notFound();
  return { Parameter: view(parameter, input.WithDecryption === true) };
};

const getParameters: JsonHandler<SsmContext> = ({ state, region }, input) => {
  const names = Array.isArray(input.Names) ? (input.Names as string[]) : [];
  if (names.length === 0 || names.length > 10)
    throw new AwsJsonError(
      'ValidationException',
      `1 validation error detected: Value '[${names.join(', ')}]' at 'names' failed to satisfy constraint: Member must have length ${names.length === 0 ? 'greater than or equal to 1' : 'less than or equal to 10'}`,
    );
  const found: Record<string, unknown>[] = [];
  const invalid: string[] = [];
  for (const name of new Set(names)) {
    const parameter = findParameter(state, region, name);
    if (parameter) found.push(view(parameter, input.WithDecryption === true));
    else invalid.push(name);
  }
  return { Parameters: found, InvalidParameters: invalid };
};

const deleteParameter: JsonHandler<SsmContext> = ({ state, region }, input) => {
  const parameter = findParameter(state, region, requiredString(input, 'Name'));
  if (!parameter) throw notFound();
  state.ssmParameters.delete(`${parameter.region}/${parameter.name}`);
  return {};
};

export const SSM_HANDLERS: Record<string, JsonHandler<SsmContext>> = {
  PutParameter: putParameter,
  GetParameter: getParameter,
  GetParameters: getParameters,
  DeleteParameter: deleteParameter,
};
