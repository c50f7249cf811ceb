import { generatedName } from '../../ids';
import { ecsCall, toEcsShape, type Props, type ResourceProvider } from './provider';

function registerInput(family: string, props: Props): Props {
  const { Family: _f, Tags, ...rest } = props;
  return { ...(toEcsShape(rest) as Props), family, tags: toEcsShape(Tags) };
}

export const taskDefinitionProvider: ResourceProvider = {
  replacedBy: { all: true, except: ['Tags'] },
  attributes: ['TaskDefinitionArn'],
  async create(ctx, props) {
    const family =
      (props.Family as string | undefined) ?? generatedName(ctx.stackName, ctx.logicalId, 255);
    const out = ecsCall(ctx, 'RegisterTaskDefinition', registerInput(family, props)) as {
      taskDefinition: { taskDefinitionArn: string };
    };
    const tdArn = out.taskDefinition.taskDefinitionArn;
    return { physicalId: tdArn, ref: tdArn, attributes: { TaskDefinitionArn: tdArn } };
  },
  async update(_ctx, record) {
    return { physicalId: record.physicalId, ref: record.ref, attributes: record.attributes };
  },
  async remove(ctx, record) {
    const td = ctx.state.taskDefinitions.get(record.physicalId);
    if (td?.status === 'ACTIVE')
      ecsCall(ctx, 'DeregisterTaskDefinition', { taskDefinition: record.physicalId });
  },
};
