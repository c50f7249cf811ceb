import type { EcsServiceStep } from '@gantry/domain';
import type { BuildContext } from './build-context';
import { getAtt } from './intrinsics';
import type { CfnResource, CfnValue } from './template.types';

type Props = { [key: string]: CfnValue };
type Registry = EcsServiceStep['service']['serviceRegistries'][number];

/** The Cloud Map service the stack creates for a `serviceRegistries[].create`. */
export const DISCOVERY_SERVICE_ID = 'DiscoveryService';

/**
 * `DiscoveryService` (an `AWS::ServiceDiscovery::Service`) when the step's registration creates
 * one: a MULTIVALUE DNS record of the chosen type, health from ECS (`HealthCheckCustomConfig`).
 */
export function discoveryResources(context: BuildContext): Record<string, CfnResource> {
  const registry = context.step.service.serviceRegistries[0];
  if (!registry?.create) return {};
  const { create } = registry;
  return {
    [DISCOVERY_SERVICE_ID]: {
      Type: 'AWS::ServiceDiscovery::Service',
      Properties: {
        Name: create.name ?? context.name,
        NamespaceId: context.values.text(create.namespaceId),
        DnsConfig: {
          DnsRecords: [{ Type: create.dnsRecordType, TTL: create.ttl }],
          RoutingPolicy: 'MULTIVALUE',
        },
        HealthCheckCustomConfig: { FailureThreshold: 1 },
        Tags: context.tags,
      },
    },
  };
}

/** The service's `ServiceRegistries` and `ServiceConnectConfiguration`, when the step has them. */
export function discoveryServiceProperties(context: BuildContext): Props {
  const { service } = context.step;
  const props: Props = {};
  if (service.serviceRegistries.length > 0)
    props.ServiceRegistries = service.serviceRegistries.map((registry) =>
      registryProperties(context, registry),
    );
  if (service.serviceConnect) {
    const connect = service.serviceConnect;
    props.ServiceConnectConfiguration = {
      Enabled: true,
      Namespace: context.values.text(connect.namespace),
      Services: connect.services.map((item) => {
        const out: Props = { PortName: item.portName };
        if (item.discoveryName !== undefined) out.DiscoveryName = item.discoveryName;
        if (item.clientAliases.length > 0)
          out.ClientAliases = item.clientAliases.map((alias): Props => {
            const entry: Props = { Port: alias.port };
            if (alias.dnsName !== undefined) entry.DnsName = alias.dnsName;
            return entry;
          });
        return out;
      }),
    };
  }
  return props;
}

function registryProperties(context: BuildContext, registry: Registry): Props {
  const out: Props = {
    RegistryArn:
      registry.registryArn !== undefined
        ? context.values.text(registry.registryArn)
        : getAtt(DISCOVERY_SERVICE_ID, 'Arn'),
  };
  if (registry.containerName !== undefined) out.ContainerName = registry.containerName;
  if (registry.containerPort !== undefined) out.ContainerPort = registry.containerPort;
  return out;
}
