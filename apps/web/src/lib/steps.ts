import type { Schema } from './api';

/** A step of a project's deployment process, as the console shows it. */
export interface ProcessStep {
  slug: string;
  name: string;
  kind: string;
  containers: { name: string; image?: string }[];
  /** The step's own fields, shown as they are. */
  detail: Record<string, unknown>;
}

type ProjectLike = Schema<'Project'>;

/**
 * The project's steps: `steps` where the API has them (a multi-step process), else its one
 * `step` as an `ecs-service` step.
 */
export function stepsOf(project: ProjectLike): ProcessStep[] {
  const given = (project as { steps?: Record<string, unknown>[] }).steps;
  const steps: Record<string, unknown>[] = given?.length
    ? given
    : [{ name: 'ECS service', slug: 'ecs-service', kind: 'ecs-service', ...project.step }];
  return steps.map((step) => {
    const containers = Array.isArray(step.containers)
      ? (step.containers as { name: string; image?: string }[])
      : step.containers && typeof step.containers === 'object'
        ? Object.entries(step.containers as Record<string, { image?: string }>).map(
            ([name, value]) => ({ name, image: value?.image }),
          )
        : [];
    return {
      slug: String(step.slug ?? step.name),
      name: String(step.name ?? step.slug),
      kind: String(step.kind ?? 'ecs-service'),
      containers,
      detail: step,
    };
  });
}

/** The image keys a release of the project needs: `<step>/<container>` with several steps. */
export function imageKeys(project: ProjectLike): string[] {
  const steps = stepsOf(project).filter((step) => step.containers.length > 0);
  const names = steps.flatMap((step) => step.containers.map((container) => container.name));
  const unique = (name: string) => names.filter((candidate) => candidate === name).length === 1;
  return steps.flatMap((step) =>
    step.containers.map((container) =>
      steps.length === 1 || unique(container.name)
        ? container.name
        : `${step.slug}/${container.name}`,
    ),
  );
}
