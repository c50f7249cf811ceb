import { stepBody, type EcsServiceStep, type ProcessStep } from '@gantry/domain';

interface Ref {
  id: string;
  slug: string;
}

/** A step as the API shows it: environment conditions as slugs, Gantry's own flags left out. */
export function presentStep(step: ProcessStep, environments: readonly Ref[]) {
  const slugOf = (id: string) => environments.find((e) => e.id === id)?.slug ?? id;
  const { legacyStackName: _legacy, ...shown } = step;
  return {
    ...shown,
    environments: step.environments.map(slugOf),
    excludeEnvironments: step.excludeEnvironments.map(slugOf),
  };
}

/**
 * The process as the API shows it: `steps`, and for a process of one `ecs-service` step also
 * `step` (its body), as before deployment processes.
 */
export function presentProcess(steps: readonly ProcessStep[], environments: readonly Ref[]) {
  const [only] = steps;
  return {
    steps: steps.map((step) => presentStep(step, environments)),
    ...(steps.length === 1 && only.kind === 'ecs-service'
      ? { step: stepBody(only) as EcsServiceStep }
      : {}),
  };
}
