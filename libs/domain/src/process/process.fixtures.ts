import type { ProcessStep } from './step.schema';
import { stepsSchema } from './step.schema';

/** A valid ecs-service body with one container. */
export function serviceBody(container = 'web') {
  return {
    containers: [{ name: container, image: `example/${container}` }],
    task: { cpu: 256, memory: 512 },
    service: { network: { subnets: ['subnet-0123456789abcdef0'] } },
  };
}

/** Stored steps from plain inputs: parsed with the schema, slugs from names. */
export function storedSteps(
  ...inputs: (Record<string, unknown> & { name: string; legacyStackName?: boolean })[]
): ProcessStep[] {
  const parsed = stepsSchema.parse(
    inputs.map(({ legacyStackName: _legacy, ...input }) => ({ kind: 'ecs-service', ...input })),
  );
  return parsed.map((step, index) => ({
    ...step,
    slug: step.slug ?? step.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    ...(inputs[index].legacyStackName ? { legacyStackName: true } : {}),
  }));
}
