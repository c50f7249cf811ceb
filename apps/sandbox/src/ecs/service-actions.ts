import { arn } from '../ids';
import type { Ecs } from './ecs';
import { clientException, invalidParameter, serviceNotActive, serviceNotFound } from './ecs-error';
import { findCluster, lookupService, lookupTaskDefinition } from './ecs-lookup';
import { serviceShape } from './ecs-shapes';
import type { CapacityProviderItem, JsonObject, Service } from './ecs-types';
import { checkLoadBalancers, checkNetworkConfiguration } from './ecs-validation';
import { page } from './task-definition-actions';
import { forgetServiceTargets } from '../autoscaling/service-targets';

type Input = Record<string, unknown>;

function taskDefinitionArn(ecs: Ecs, region: string, ref: unknown): string {
  const td = typeof ref === 'string' ? lookupTaskDefinition(ecs.state, region, ref) : undefined;
  if (!td || td.status !== 'ACTIVE') throw clientException('TaskDefinition not found.');
  return td.taskDefinitionArn;
}

function deploymentConfiguration(
  input: unknown,
  previous?: Service['deploymentConfiguration'],
): Service['deploymentConfiguration'] {
  const c = (input ?? {}) as Record<string, unknown>;
  const breaker = (c.deploymentCircuitBreaker ??
    previous?.deploymentCircuitBreaker ??
    {}) as Record<string, unknown>;
  const config = {
    minimumHealthyPercent: Number(
      c.minimumHealthyPercent ?? previous?.minimumHealthyPercent ?? 100,
    ),
    maximumPercent: Number(c.maximumPercent ?? previous?.maximumPercent ?? 200),
    deploymentCircuitBreaker: {
      enable: breaker.enable === true,
      rollback: breaker.rollback === true,
    },
    strategy: strategyOf(c.strategy ?? previous?.strategy),
    bakeTimeInMinutes:
      c.bakeTimeInMinutes !== undefined
        ? Number(c.bakeTimeInMinutes)
        : c.strategy === undefined
          ? previous?.bakeTimeInMinutes
          : undefined,
  };
  if (config.maximumPercent < 100)
    throw invalidParameter('maximumPercent must be greater than or equal to 100.');
  if (
    config.minimumHealthyPercent >= config.maximumPercent &&
    config.maximumPercent === 100 &&
    config.minimumHealthyPercent === 100
  ) {
    throw invalidParameter('Cannot set both minimumHealthyPercent and maximumPercent to 100.');
  }
  return config;
}

/** Kept as given; only BLUE_GREEN changes how the sandbox deploys (LINEAR and CANARY roll). */
function strategyOf(value: unknown): string | undefined {
  return value === undefined ? undefined : String(value);
}

function checkNetwork(ecs: Ecs, tdArn: string, network: unknown): void {
  checkNetworkConfiguration(network);
  const td = ecs.state.taskDefinitions.get(tdArn);
  if (td?.rest.networkMode === 'awsvpc' && !network) {
    throw invalidParameter(
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
  }
}

/**
 * A service's capacity provider strategy. The sandbox has no capacity providers of its own: the
 * Fargate ones, FARGATE and FARGATE_SPOT, count as associated with every cluster.
 */
function capacityProviderStrategy(input: Input): CapacityProviderItem[] | undefined {
  const items = input.capacityProviderStrategy as JsonObject[] | undefined;
  if (!items || items.length === 0) return undefined;
  if (input.launchType !== undefined)
    throw invalidParameter(
      'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    );
  const strategy = items.map((item) => ({
    capacityProvider: String(item.capacityProvider),
    weight: Number(item.weight ?? 0),
    base: Number(item.base ?? 0),
  }));
  for (const item of strategy)
    if (!['FARGATE', 'FARGATE_SPOT'].includes(item.capacityProvider))
      throw invalidParameter(
        'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
      );
  if (strategy.filter((item) => item.base > 0).length > 1)
    throw invalidParameter(
      'A capacity provider strategy can only have one capacity provider with a base value defined.',
    );
  return strategy;
}

export function createService(ecs: Ecs, region: string, input: Input): Input {
  const cluster = findCluster(ecs.state, region, input.cluster);
  const name = input.serviceName;
  if (typeof name !== 'string' || !/^[a-zA-Z0-9_-]{1,255}$/.test(name))
    throw invalidParameter('Service name is invalid.');
  const existing = lookupService(ecs.state, cluster, name);
  if (existing && existing.status !== 'INACTIVE')
    throw invalidParameter('Creation of service was not idempotent.');
  const tdArn = taskDefinitionArn(ecs, region, input.taskDefinition);
  checkNetwork(ecs, tdArn, input.networkConfiguration);
  checkLoadBalancers(input.loadBalancers);
  const strategy = capacityProviderStrategy(input);
  const service: Service = {
    serviceArn: arn.service(region, cluster.clusterName, name),
    serviceName: name,
    clusterArn: cluster.clusterArn,
    region,
    status: 'ACTIVE',
    desiredCount: Number(input.desiredCount ?? 0),
    launchType: strategy ? 'FARGATE' : ((input.launchType as string | undefined) ?? 'EC2'),
    capacityProviderStrategy: strategy,
    platformVersion: input.platformVersion as string | undefined,
    taskDefinition: tdArn,
    deploymentConfiguration: deploymentConfiguration(input.deploymentConfiguration),
    networkConfiguration: input.networkConfiguration as JsonObject | undefined,
    loadBalancers: (input.loadBalancers as JsonObject[] | undefined) ?? [],
    serviceRegistries: (input.serviceRegistries as JsonObject[] | undefined) ?? [],
    serviceConnectConfiguration: input.serviceConnectConfiguration as JsonObject | undefined,
    healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds as number | undefined,
    enableExecuteCommand: input.enableExecuteCommand === true,
    propagateTags: (input.propagateTags as string | undefined) ?? 'NONE',
    tags: (input.tags as Service['tags'] | undefined) ?? [],
    deployments: [],
    events: [],
    createdAt: Date.now(),
    nextLaunchAt: 0,
    consecutiveFailures: 0,
  };
  ecs.state.services.set(service.serviceArn, service);
  ecs.state.tasksByService.delete(service.serviceArn);
  ecs.controller.newDeployment(service, tdArn);
  return { service: serviceShape(service, false) };
}

function activeService(ecs: Ecs, region: string, input: Input): Service {
  const cluster = findCluster(ecs.state, region, input.cluster);
  const service = lookupService(ecs.state, cluster, String(input.service ?? ''));
  if (!service) throw serviceNotFound();
  if (service.status !== 'ACTIVE') throw serviceNotActive();
  return service;
}

/** Changes that start a new deployment; a desired count alone only rescales the current one. */
export function updateService(ecs: Ecs, region: string, input: Input): Input {
  const service = activeService(ecs, region, input);
  checkNetworkConfiguration(input.networkConfiguration);
  checkLoadBalancers(input.loadBalancers);
  let redeploy = input.forceNewDeployment === true;
  let tdArn = service.taskDefinition;
  if (input.taskDefinition !== undefined) {
    tdArn = taskDefinitionArn(ecs, region, input.taskDefinition);
    if (tdArn !== service.taskDefinition) redeploy = true;
  }
  if (input.networkConfiguration !== undefined) {
    if (JSON.stringify(input.networkConfiguration) !== JSON.stringify(service.networkConfiguration))
      redeploy = true;
    service.networkConfiguration = input.networkConfiguration as JsonObject;
  }
  checkNetwork(ecs, tdArn, service.networkConfiguration);
  if (input.deploymentConfiguration !== undefined) {
    service.deploymentConfiguration = deploymentConfiguration(
      input.deploymentConfiguration,
      service.deploymentConfiguration,
    );
  }
  if (input.capacityProviderStrategy !== undefined) {
    const strategy = capacityProviderStrategy(input);
    if (JSON.stringify(strategy) !== JSON.stringify(service.capacityProviderStrategy)) {
      service.capacityProviderStrategy = strategy;
      if (strategy) service.launchType = 'FARGATE';
      redeploy = true;
    }
  }
  if (input.desiredCount !== undefined) service.desiredCount = Number(input.desiredCount);
  if (input.loadBalancers !== undefined)
    service.loadBalancers = input.loadBalancers as JsonObject[];
  if (input.serviceRegistries !== undefined) {
    if (JSON.stringify(input.serviceRegistries) !== JSON.stringify(service.serviceRegistries ?? []))
      redeploy = true;
    service.serviceRegistries = input.serviceRegistries as JsonObject[];
  }
  if (input.serviceConnectConfiguration !== undefined) {
    // Turning off what was never on is no change.
    const off = (config: unknown) =>
      config === undefined || (config as JsonObject).enabled === false;
    const next = input.serviceConnectConfiguration as JsonObject;
    const current = service.serviceConnectConfiguration;
    if (!(off(next) && off(current)) && JSON.stringify(next) !== JSON.stringify(current))
      redeploy = true;
    service.serviceConnectConfiguration = off(next) && off(current) ? current : next;
  }
  if (input.healthCheckGracePeriodSeconds !== undefined)
    service.healthCheckGracePeriodSeconds = Number(input.healthCheckGracePeriodSeconds);
  if (input.enableExecuteCommand !== undefined)
    service.enableExecuteCommand = input.enableExecuteCommand === true;
  if (input.propagateTags !== undefined) service.propagateTags = String(input.propagateTags);
  if (input.platformVersion !== undefined && input.platformVersion !== service.platformVersion) {
    service.platformVersion = String(input.platformVersion);
    redeploy = true;
  }
  if (redeploy) ecs.controller.newDeployment(service, tdArn);
  else ecs.controller.schedule(service.serviceArn);
  return { service: serviceShape(service, false) };
}

export function describeServices(ecs: Ecs, region: string, input: Input): Input {
  const cluster = findCluster(ecs.state, region, input.cluster);
  const includeTags = ((input.include as string[] | undefined) ?? []).includes('TAGS');
  if (((input.services as string[] | undefined) ?? []).length > 10)
    throw invalidParameter('service names can have at most 10 items.');
  const services: Input[] = [];
  const failures: Input[] = [];
  for (const ref of (input.services as string[] | undefined) ?? []) {
    const s = lookupService(ecs.state, cluster, ref);
    if (s) services.push(serviceShape(s, includeTags));
    else
      failures.push({
        arn: ref.startsWith('arn:') ? ref : arn.service(region, cluster.clusterName, ref),
        reason: 'MISSING',
      });
  }
  return { services, failures };
}

export function deleteService(ecs: Ecs, region: string, input: Input): Input {
  const service = activeService(ecs, region, input);
  if (service.desiredCount > 0 && input.force !== true) {
    throw invalidParameter('The service cannot be stopped while it is scaled above 0.');
  }
  service.status = 'DRAINING';
  service.desiredCount = 0;
  const clusterName = ecs.state.clusters.get(service.clusterArn)?.clusterName;
  forgetServiceTargets(ecs.state, region, `service/${clusterName}/${service.serviceName}`);
  ecs.controller.schedule(service.serviceArn);
  return { service: serviceShape(service, false) };
}

export function listServices(ecs: Ecs, region: string, input: Input): Input {
  const cluster = findCluster(ecs.state, region, input.cluster);
  const arns = [...ecs.state.services.values()]
    .filter((s) => s.clusterArn === cluster.clusterArn && s.status === 'ACTIVE')
    .map((s) => s.serviceArn);
  return page(arns, input, 'serviceArns');
}
