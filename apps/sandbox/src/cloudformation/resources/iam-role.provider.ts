import { arn, generatedName, physicalSuffix } from '../../ids';
import { ResourceFailure, type ResourceProvider } from './provider';

export const iamRoleProvider: ResourceProvider = {
  replacedBy: ['RoleName', 'Path'],
  customName: 'RoleName',
  attributes: ['Arn', 'RoleId'],
  async create(ctx, props) {
    const name =
      (props.RoleName as string | undefined) ?? generatedName(ctx.stackName, ctx.logicalId, 64);
    const path = (props.Path as string | undefined) ?? '/';
    const roleArn = arn.role(name, path);
    if (ctx.state.roles.has(roleArn)) {
      throw new ResourceFailure(
        `Resource of type 'AWS::IAM::Role' with identifier '${name}' already exists.`,
      );
    }
    const roleId = `AROA${physicalSuffix(17)}`;
    ctx.state.roles.set(roleArn, {
      roleName: name,
      arn: roleArn,
      roleId,
      path,
      assumeRolePolicyDocument: props.AssumeRolePolicyDocument,
      ...rolePolicies(props),
    });
    return { physicalId: name, ref: name, attributes: { Arn: roleArn, RoleId: roleId } };
  },
  async update(ctx, record, props) {
    const role = ctx.state.roles.get(record.attributes.Arn);
    if (role)
      Object.assign(
        role,
        { assumeRolePolicyDocument: props.AssumeRolePolicyDocument },
        rolePolicies(props),
      );
    return { physicalId: record.physicalId, ref: record.ref, attributes: record.attributes };
  },
  async remove(ctx, record) {
    ctx.state.roles.delete(record.attributes.Arn);
  },
};

/** The managed and inline policies of a role, kept for inspection (never evaluated). */
function rolePolicies(props: Record<string, unknown>) {
  const policies =
    (props.Policies as { PolicyName: string; PolicyDocument: unknown }[] | undefined) ?? [];
  return {
    managedPolicyArns: (props.ManagedPolicyArns as string[] | undefined) ?? [],
    policies: policies.map((policy) => ({
      policyName: policy.PolicyName,
      policyDocument: policy.PolicyDocument,
    })),
  };
}
