// Test helper: checks rendered templates against the official CloudFormation resource schemas
// (copied to libs/render/schemas) and checks that every intrinsic refers to something that exists.
import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMA_FILES: Record<string, string> = {
  'AWS::ECS::TaskDefinition': 'aws-ecs-taskdefinition.json',
  'AWS::ECS::Service': 'aws-ecs-service.json',
  'AWS::Logs::LogGroup': 'aws-logs-loggroup.json',
  'AWS::IAM::Role': 'aws-iam-role.json',
  'AWS::SecretsManager::Secret': 'aws-secretsmanager-secret.json',
  'AWS::ApplicationAutoScaling::ScalableTarget': 'aws-applicationautoscaling-scalabletarget.json',
  'AWS::ApplicationAutoScaling::ScalingPolicy': 'aws-applicationautoscaling-scalingpolicy.json',
  'AWS::ServiceDiscovery::Service': 'aws-servicediscovery-service.json',
};

const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
];

/** A value that is one intrinsic function call, accepted wherever the schema expects a value. */
const INTRINSIC = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  patternProperties: { '^(Ref|Fn::[A-Za-z]+)$': {} },
  additionalProperties: false,
};

/** Python's end-of-input `\\Z` is `$` in JavaScript; Java's `\\p{Print}` is printable ASCII. */
const javaPattern = (pattern: string): string =>
  pattern.replace(/\\Z$/, '$').replace(/\\p\{Print\}/g, '[\\x20-\\x7E]');

type Json = unknown;
type Template = {
  Parameters?: Record<string, unknown>;
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
};

/** Lets an intrinsic stand wherever a typed value is expected; turns Python's `\Z` into `$`. */
function allowIntrinsics(node: Json): Json {
  if (Array.isArray(node)) return node.map(allowIntrinsics);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === 'pattern' && typeof value === 'string' ? javaPattern(value) : allowIntrinsics(value);
  }
  const type = (node as Record<string, Json>).type;
  const isSchema =
    typeof type === 'string' ||
    (Array.isArray(type) && type.every((item) => typeof item === 'string'));
  return isSchema ? { anyOf: [out, { $ref: '#/definitions/__Intrinsic' }] } : out;
}

interface LoadedSchema {
  validate: ValidateFunction;
  readOnly: string[];
}

const loaded = new Map<string, LoadedSchema>();

function schemaFor(type: string): LoadedSchema {
  const cached = loaded.get(type);
  if (cached) return cached;
  const file = SCHEMA_FILES[type];
  if (!file) throw new Error(`no CloudFormation schema copied for ${type}`);
  const raw = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', file), 'utf8'));
  const transformed = allowIntrinsics(raw) as Record<string, Json>;
  const schema = {
    type: 'object',
    properties: transformed.properties,
    additionalProperties: false,
    definitions: { ...(transformed.definitions as object), __Intrinsic: INTRINSIC },
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const readOnly = ((raw.readOnlyProperties as string[]) ?? []).map((pointer) =>
    pointer.replace('/properties/', ''),
  );
  const entry = { validate: ajv.compile(schema), readOnly };
  loaded.set(type, entry);
  return entry;
}

/** Every problem in a template: schema violations, read-only properties, dangling Ref/GetAtt/Sub names. */
export function templateProblems(template: Template): string[] {
  const problems: string[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    const { validate, readOnly } = schemaFor(resource.Type);
    const properties = resource.Properties ?? {};
    if (!validate(properties)) {
      for (const error of validate.errors ?? [])
        problems.push(
          `${id}${error.instancePath}: ${error.message} ${JSON.stringify(error.params)}`,
        );
    }
    for (const name of readOnly)
      if (name in properties) problems.push(`${id}.${name} is read-only`);
  }
  const known = new Set([
    ...Object.keys(template.Parameters ?? {}),
    ...Object.keys(template.Resources),
    ...PSEUDO_PARAMETERS,
  ]);
  walkIntrinsics(template, (kind, name) => {
    if (!known.has(name)) problems.push(`${kind} refers to unknown '${name}'`);
  });
  return problems;
}

function walkIntrinsics(node: Json, report: (kind: string, name: string) => void): void {
  if (Array.isArray(node)) return node.forEach((item) => walkIntrinsics(item, report));
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'Ref' && typeof value === 'string') report('Ref', value);
    else if (key === 'Fn::GetAtt' && Array.isArray(value)) report('Fn::GetAtt', String(value[0]));
    else if (key === 'Fn::Sub' && typeof value === 'string') {
      for (const match of value.matchAll(/\$\{([^!}][^}]*)\}/g))
        report('Fn::Sub', match[1].split('.')[0]);
    } else walkIntrinsics(value, report);
  }
}
