import { randomBytes } from 'node:crypto';
import { ACCOUNT_ID } from '../../ids';
import type { DiscoveryService } from '../../state';
import type { Props, ResourceProvider } from './provider';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A Cloud Map service id: `srv-` and 16 lower-case letters or digits. */
function serviceId(): string {
  let out = 'srv-';
  for (const b of randomBytes(16)) out += LOWER_ALNUM[b % LOWER_ALNUM.length];
  return out;
}

function apply(service: DiscoveryService, props: Props): void {
  service.description = props.Description as string | undefined;
  service.dnsConfig = props.DnsConfig;
  service.healthCheckCustomConfig = props.HealthCheckCustomConfig;
}

/**
 * `AWS::ServiceDiscovery::Service`: `Ref` is the service id (`srv-…`), `Arn`, `Id` and `Name`
 * are attributes. Name, namespace and custom health check replace it; DNS records update in
 * place. The namespace is not checked (the sandbox has no namespaces) and no instance is ever
 * registered, so a delete always succeeds (docs/sandbox.md).
 */
export const discoveryServiceProvider: ResourceProvider = {
  replacedBy: ['Name', 'NamespaceId', 'HealthCheckCustomConfig', 'Type'],
  attributes: ['Arn', 'Id', 'Name'],
  async create(ctx, props) {
    const id = serviceId();
    const arn = `arn:aws:servicediscovery:${ctx.region}:${ACCOUNT_ID}:service/${id}`;
    const name = (props.Name as string | undefined) ?? ctx.logicalId;
    const namespaceId =
      (props.NamespaceId as string | undefined) ??
      ((props.DnsConfig as Props | undefined)?.NamespaceId as string | undefined);
    const service: DiscoveryService = {
      id,
      arn,
      name,
      region: ctx.region,
      namespaceId,
      createDate: Date.now(),
    };
    apply(service, props);
    ctx.state.discoveryServices.set(id, service);
    return { physicalId: id, ref: id, attributes: { Arn: arn, Id: id, Name: name } };
  },
  async update(ctx, record, props) {
    const service = ctx.state.discoveryServices.get(record.physicalId);
    if (service) apply(service, props);
    return { physicalId: record.physicalId, ref: record.ref, attributes: record.attributes };
  },
  async remove(ctx, record) {
    ctx.state.discoveryServices.delete(record.physicalId);
  },
};
