import type { ContainerDefinition } from '@gantry/domain';
import { ref } from './intrinsics';
import { LOG_GROUP_ID, type BuildContext } from './build-context';
import type { CfnValue } from './template.types';

type Props = { [key: string]: CfnValue };

const byKey = <T>(record: Record<string, T>): [string, T][] =>
  Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** One entry of `ContainerDefinitions`, with every field of the step's container. */
export function containerDefinition(
  container: ContainerDefinition,
  index: number,
  context: BuildContext,
): Props {
  const { values } = context;
  const texts = (items: string[]) => items.map((item) => values.text(item));
  const props: Props = {
    Name: container.name,
    Image: { 'Fn::Sub': `${container.image}:\${${context.imageParameters.get(container.name)}}` },
    Essential: container.essential,
    Cpu: values.number(container.cpu),
  };
  if (container.memory !== null) props.Memory = values.number(container.memory);
  if (container.memoryReservation !== null)
    props.MemoryReservation = values.number(container.memoryReservation);
  if (container.portMappings.length > 0)
    props.PortMappings = container.portMappings.map(portMapping);
  // A sensitive environment value is a secret of the stack: the task definition holds its ARN only.
  const environment: Props[] = [];
  const secrets: [string, CfnValue][] = byKey(container.secrets).map(([name, valueFrom]) => [
    name,
    values.text(valueFrom),
  ]);
  for (const [name, value] of byKey(container.environment)) {
    const secret = context.secrets.forEnvironment(index, name);
    if (secret) secrets.push([name, ref(secret)]);
    else environment.push({ Name: name, Value: values.text(value) });
  }
  if (environment.length > 0) props.Environment = environment;
  if (secrets.length > 0)
    props.Secrets = secrets
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, valueFrom]) => ({ Name: name, ValueFrom: valueFrom }));
  if (container.command.length > 0) props.Command = texts(container.command);
  if (container.entryPoint.length > 0) props.EntryPoint = texts(container.entryPoint);
  if (container.workingDirectory !== undefined)
    props.WorkingDirectory = values.text(container.workingDirectory);
  if (container.healthCheck) props.HealthCheck = healthCheck(container.healthCheck, texts);
  if (container.dependsOn.length > 0) {
    props.DependsOn = container.dependsOn.map((dependency) => ({
      ContainerName: values.expand(dependency.containerName) ?? dependency.containerName,
      Condition: dependency.condition,
    }));
  }
  if (container.readonlyRootFilesystem !== undefined)
    props.ReadonlyRootFilesystem = container.readonlyRootFilesystem;
  if (container.user !== undefined) props.User = values.text(container.user);
  if (container.stopTimeout !== undefined) props.StopTimeout = container.stopTimeout;
  if (container.ulimits.length > 0)
    props.Ulimits = container.ulimits.map((limit) => ({
      Name: limit.name,
      SoftLimit: limit.softLimit,
      HardLimit: limit.hardLimit,
    }));
  const labels = byKey(container.dockerLabels);
  if (labels.length > 0)
    props.DockerLabels = Object.fromEntries(
      labels.map(([key, value]) => [key, values.text(value)]),
    );
  if (container.linuxParameters)
    props.LinuxParameters = { InitProcessEnabled: container.linuxParameters.initProcessEnabled };
  if (container.mountPoints.length > 0)
    props.MountPoints = container.mountPoints.map((mount) => ({
      SourceVolume: mount.sourceVolume,
      ContainerPath: values.text(mount.containerPath),
      ReadOnly: mount.readOnly,
    }));
  if (container.logging === 'awslogs') {
    props.LogConfiguration = {
      LogDriver: 'awslogs',
      Options: {
        'awslogs-group': ref(LOG_GROUP_ID),
        'awslogs-region': ref('AWS::Region'),
        'awslogs-stream-prefix': container.name,
      },
    };
  }
  return props;
}

function portMapping(mapping: ContainerDefinition['portMappings'][number]): Props {
  const props: Props = { ContainerPort: mapping.containerPort, Protocol: mapping.protocol };
  if (mapping.hostPort !== undefined) props.HostPort = mapping.hostPort;
  if (mapping.name !== undefined) props.Name = mapping.name;
  if (mapping.appProtocol !== undefined) props.AppProtocol = mapping.appProtocol;
  return props;
}

function healthCheck(
  check: NonNullable<ContainerDefinition['healthCheck']>,
  texts: (items: string[]) => CfnValue[],
): Props {
  const props: Props = {
    Command: texts(check.command),
    Interval: check.interval,
    Timeout: check.timeout,
    Retries: check.retries,
  };
  if (check.startPeriod !== undefined) props.StartPeriod = check.startPeriod;
  return props;
}
