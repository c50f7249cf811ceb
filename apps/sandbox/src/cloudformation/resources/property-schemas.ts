import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import scalableTarget from '../../../schemas/aws-applicationautoscaling-scalabletarget.json';
import scalingPolicy from '../../../schemas/aws-applicationautoscaling-scalingpolicy.json';
import cluster from '../../../schemas/aws-ecs-cluster.json';
import service from '../../../schemas/aws-ecs-service.json';
import taskDefinition from '../../../schemas/aws-ecs-taskdefinition.json';
import role from '../../../schemas/aws-iam-role.json';
import logGroup from '../../../schemas/aws-logs-loggroup.json';
import secret from '../../../schemas/aws-secretsmanager-secret.json';
import discoveryService from '../../../schemas/aws-servicediscovery-service.json';
import ssmParameter from '../../../schemas/aws-ssm-parameter.json';
import { ResourceFailure } from './provider';

/** Python's end-of-input `\\Z` is `$` in JavaScript; Java's `\\p{Print}` is printable ASCII. */
const javaPattern = (pattern: string): string =>
  pattern.replace(/\\Z$/, '$').replace(/\\p\{Print\}/g, '[\\x20-\\x7E]');

type Json = Record<string, unknown>;

/** The official resource provider schemas (apps/sandbox/schemas) of every emulated type. */
const SCHEMAS: Record<string, Json> = {
  'AWS::ECS::Cluster': cluster,
  'AWS::ECS::Service': service,
  'AWS::ECS::TaskDefinition': taskDefinition,
  'AWS::IAM::Role': role,
  'AWS::Logs::LogGroup': logGroup,
  'AWS::SecretsManager::Secret': secret,
  'AWS::ApplicationAutoScaling::ScalableTarget': scalableTarget,
  'AWS::ApplicationAutoScaling::ScalingPolicy': scalingPolicy,
  'AWS::ServiceDiscovery::Service': discoveryService,
  'AWS::SSM::Parameter': ssmParameter,
};

/** Python's end-of-input `\Z` (used by some schemas) is `$` in JavaScript. */
function jsPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsPatterns);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node))
    out[key] =
      key === 'pattern' && typeof value === 'string' ? javaPattern(value) : jsPatterns(value);
  return out;
}

/** The input schema: the type's properties without its read-only ones, nothing else allowed. */
function inputSchema(raw: Json): Json {
  const schema = jsPatterns(raw) as Json;
  const properties = { ...(schema.properties as Json) };
  for (const pointer of (raw.readOnlyProperties as string[] | undefined) ?? [])
    delete properties[pointer.replace('/properties/', '')];
  return {
    type: 'object',
    properties,
    required: schema.required,
    additionalProperties: false,
    definitions: schema.definitions,
  };
}

// CloudFormation converts scalars to the schema's type ("2" for an integer), as coerceTypes does.
const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

function validatorFor(type: string): ValidateFunction | undefined {
  const raw = SCHEMAS[type];
  if (!raw) return undefined;
  let validate = compiled.get(type);
  if (!validate) compiled.set(type, (validate = ajv.compile(inputSchema(raw))));
  return validate;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'String',
  integer: 'Integer',
  number: 'Number',
  boolean: 'Boolean',
  object: 'JSONObject',
  array: 'JSONArray',
  null: 'Null',
};

function typeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'JSONArray';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Number';
  return TYPE_NAMES[typeof value] ?? 'String';
}

/** One violation in the wording of CloudFormation's schema validator (JSON pointer from `#`). */
function describe(error: ErrorObject, data: unknown): string | undefined {
  const at = `#${error.instancePath}`;
  const value = error.instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (node, key) => (node as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      data,
    );
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${at}: extraneous key [${String(p.additionalProperty)}] is not permitted`;
    case 'required':
      return `${at}: required key [${String(p.missingProperty)}] not found`;
    case 'type':
      return `${at}: expected type: ${TYPE_NAMES[String(p.type).split(',')[0]] ?? String(p.type)}, found: ${typeName(value)}`;
    case 'enum':
      return `${at}: ${String(value)} is not a valid enum value`;
    case 'pattern':
      return `${at}: failed validation constraint for keyword [pattern]`;
    case 'minLength':
      return `${at}: expected minLength: ${String(p.limit)}, actual: ${String(value).length}`;
    case 'maxLength':
      return `${at}: expected maxLength: ${String(p.limit)}, actual: ${String(value).length}`;
    case 'minimum':
      return `${at}: ${String(value)} is not greater or equal to ${String(p.limit)}`;
    case 'maximum':
      return `${at}: ${String(value)} is not less or equal to ${String(p.limit)}`;
    case 'minItems':
      return `${at}: expected minimum item count: ${String(p.limit)}, found: ${(value as unknown[]).length}`;
    case 'maxItems':
      return `${at}: expected maximum item count: ${String(p.limit)}, found: ${(value as unknown[]).length}`;
    case 'uniqueItems':
      return `${at}: array items are not unique`;
    case 'anyOf':
    case 'oneOf':
    case 'if':
      return undefined;
    default:
      return `${at}: failed validation constraint for keyword [${error.keyword}]`;
  }
}

/** The schema violations of a resource's resolved properties, in CloudFormation's wording. */
export function propertyViolations(type: string, properties: Json): string[] {
  const validate = validatorFor(type);
  if (!validate) return [];
  const data = JSON.parse(JSON.stringify(properties)) as Json;
  if (validate(data)) return [];
  const lines = (validate.errors ?? []).map((e) => describe(e, data));
  const out = [...new Set(lines.filter((l): l is string => l !== undefined))];
  return out.length > 0 ? out : ['#: failed validation constraint for keyword [anyOf]'];
}

/**
 * Fails a resource whose properties its schema refuses, as CloudFormation does before calling
 * the handler: `Properties validation failed for resource X with message: [#/...]`
 * (https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html).
 */
export function checkProperties(logicalId: string, type: string, properties: Json): void {
  const violations = propertyViolations(type, properties);
  if (violations.length > 0)
    throw new ResourceFailure(
      `Properties validation failed for resource ${logicalId} with message: [${violations.join(', ')}]`,
    );
}
