import { generatedName } from '../../ids';
import { ecsCall, toEcsShape, type ResourceProvider } from './provider';

export const clusterProvider: ResourceProvider = {
  replacedBy: ['ClusterName'],
  customName: 'ClusterName',
  attributes: ['Arn'],
  async create(ctx, props) {
    const name =
      (props.ClusterName as string | undefined) ?? generatedName(ctx.stackName, ctx.logicalId, 255);
    const out = ecsCall(ctx, 'CreateCluster', {
      clusterName: name,
      tags: toEcsShape(props.Tags),
      settings: toEcsShape(props.ClusterSettings),
    }) as { cluster: { clusterArn: string } };
    return { physicalId: name, ref: name, attributes: { Arn: out.cluster.clusterArn } };
  },
  async update(_ctx, record) {
    return { physicalId: record.physicalId, ref: record.ref, attributes: record.attributes };
  },
  async remove(ctx, record) {
    const cluster = ctx.state.clusters.get(record.attributes.Arn);
    if (!cluster || cluster.status !== 'ACTIVE') return;
    ecsCall(ctx, 'DeleteCluster', { cluster: record.attributes.Arn });
  },
};
