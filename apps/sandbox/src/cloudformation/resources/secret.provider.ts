import { ACCOUNT_ID, generatedName, physicalSuffix, uuid } from '../../ids';
import { ResourceFailure, type ResourceProvider } from './provider';

const secretArn = (region: string, name: string) =>
  `arn:aws:secretsmanager:${region}:${ACCOUNT_ID}:secret:${name}-${physicalSuffix(6)}`;

/** A secret's value: `SecretString`, or a generated password for `GenerateSecretString`. */
function secretValue(props: Record<string, unknown>): string {
  if (typeof props.SecretString === 'string') return props.SecretString;
  const generate = (props.GenerateSecretString ?? {}) as { PasswordLength?: number };
  return physicalSuffix(Number(generate.PasswordLength ?? 32));
}

/**
 * `AWS::SecretsManager::Secret`: `Ref` and `Id` are the ARN (name plus a six-character suffix,
 * as Secrets Manager makes it); a new `SecretString` updates the secret in place.
 */
export const secretProvider: ResourceProvider = {
  replacedBy: ['Name'],
  customName: 'Name',
  attributes: ['Id'],
  async create(ctx, props) {
    const name =
      (props.Name as string | undefined) ?? generatedName(ctx.stackName, ctx.logicalId, 256);
    for (const secret of ctx.state.secrets.values())
      if (secret.region === ctx.region && secret.name === name)
        throw new ResourceFailure(
          `Resource handler returned message: "The operation failed because the secret ${name} already exists. (Service: SecretsManager, Status Code: 400, Request ID: ${uuid()})" (RequestToken: ${uuid()}, HandlerErrorCode: AlreadyExists)`,
        );
    const arn = secretArn(ctx.region, name);
    const now = Date.now();
    ctx.state.secrets.set(arn, {
      name,
      arn,
      region: ctx.region,
      description: props.Description as string | undefined,
      secretString: secretValue(props),
      versionId: uuid(),
      createdDate: now,
      lastChangedDate: now,
    });
    return { physicalId: arn, ref: arn, attributes: { Id: arn } };
  },
  async update(ctx, record, props) {
    const secret = ctx.state.secrets.get(record.physicalId);
    if (secret) {
      const value = secretValue(props);
      if (value !== secret.secretString) {
        secret.secretString = value;
        secret.versionId = uuid();
      }
      secret.description = props.Description as string | undefined;
      secret.lastChangedDate = Date.now();
    }
    return { physicalId: record.physicalId, ref: record.ref, attributes: record.attributes };
  },
  async remove(ctx, record) {
    ctx.state.secrets.delete(record.physicalId);
  },
};
