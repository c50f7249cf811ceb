import { generatedName } from '../../ids';
import { parameterArn } from '../../ssm/ssm';
import type { SsmParameter } from '../../state';
import { ResourceFailure, type Props, type ResourceProvider } from './provider';

function stored(region: string, name: string, props: Props, previous?: SsmParameter): SsmParameter {
  return {
    name,
    arn: parameterArn(region, name),
    region,
    type: String(props.Type) as SsmParameter['type'],
    value: String(props.Value),
    version: (previous?.version ?? 0) + 1,
    dataType: (props.DataType as string | undefined) ?? 'text',
    description: props.Description as string | undefined,
    lastModifiedDate: Date.now(),
  };
}

/**
 * `AWS::SSM::Parameter` (String or StringList, as CloudFormation allows): `Ref` is its name,
 * `Type` and `Value` its attributes; a new `Value` overwrites it in place (a new version).
 */
export const ssmParameterProvider: ResourceProvider = {
  replacedBy: ['Name'],
  customName: 'Name',
  attributes: ['Type', 'Value'],
  async create(ctx, props) {
    const name =
      (props.Name as string | undefined) ?? generatedName(ctx.stackName, ctx.logicalId, 2048);
    const key = `${ctx.region}/${name}`;
    if (ctx.state.ssmParameters.has(key))
      throw new ResourceFailure(
        `Resource of type 'AWS::SSM::Parameter' with identifier '${name}' already exists.`,
      );
    const parameter = stored(ctx.region, name, props);
    ctx.state.ssmParameters.set(key, parameter);
    return {
      physicalId: name,
      ref: name,
      attributes: { Type: parameter.type, Value: parameter.value },
    };
  },
  async update(ctx, record, props) {
    const key = `${ctx.region}/${record.physicalId}`;
    const parameter = stored(
      ctx.region,
      record.physicalId,
      props,
      ctx.state.ssmParameters.get(key),
    );
    ctx.state.ssmParameters.set(key, parameter);
    return {
      physicalId: record.physicalId,
      ref: record.ref,
      attributes: { Type: parameter.type, Value: parameter.value },
    };
  },
  async remove(ctx, record) {
    ctx.state.ssmParameters.delete(`${ctx.region}/${record.physicalId}`);
  },
};
