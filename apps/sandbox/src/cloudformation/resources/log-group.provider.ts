import { arn, generatedName } from '../../ids';
import { ResourceFailure, type ResourceProvider } from './provider';

export const logGroupProvider: ResourceProvider = {
  replacedBy: ['LogGroupName'],
  customName: 'LogGroupName',
  attributes: ['Arn'],
  async create(ctx, props) {
    const name =
      (props.LogGroupName as string | undefined) ??
      generatedName(ctx.stackName, ctx.logicalId, 512);
    const groupArn = arn.logGroup(ctx.region, name);
    if (ctx.state.logGroups.has(groupArn)) {
      throw new ResourceFailure(
        `Resource of type 'AWS::Logs::LogGroup' with identifier '{"/properties/LogGroupName":"${name}"}' already exists.`,
      );
    }
    ctx.state.logGroups.set(groupArn, {
      logGroupName: name,
      arn: groupArn,
      retentionInDays:
        props.RetentionInDays === undefined ? undefined : Number(props.RetentionInDays),
      creationTime: Date.now(),
    });
    return { physicalId: name, ref: name, attributes: { Arn: groupArn } };
  },
  async update(_ctx, record, props) {
    const group = _ctx.state.logGroups.get(record.attributes.Arn);
    if (group)
      group.retentionInDays =
        props.RetentionInDays === undefined ? undefined : Number(props.RetentionInDays);
    return { physicalId: record.physicalId, ref: record.ref, attributes: record.attributes };
  },
  async remove(ctx, record) {
    ctx.state.logGroups.delete(record.attributes.Arn);
  },
};
