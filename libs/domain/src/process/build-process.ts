import type { FieldError } from '../errors/domain-error';
import { slugify } from '../naming/slug';
import type { EcsServiceStep } from '../step/ecs-service-step.schema';
import type { ProcessStep, ProcessStepInput } from './step.schema';
import { stepKindOf } from './step.schema';

/** The name and slug the `step` shorthand gives its one `ecs-service` step. */
export const SHORTHAND_STEP = { name: 'Service', slug: 'service' } as const;

interface Ref {
  id: string;
  slug: string;
}

/** What a request says about the process: `steps`, or the one-step shorthand `step`. */
export interface ProcessRequest {
  steps?: ProcessStepInput[];
  step?: EcsServiceStep;
}

export interface ProcessContext {
  /** The project's steps today; null when the project is being created. */
  existing: readonly ProcessStep[] | null;
  /** Every environment (conditions name them by id or slug; ids are stored). */
  environments: readonly Ref[];
  /** The project's channels (on creation: its default channel); conditions store slugs. */
  channels: readonly Pick<Ref, 'slug'>[];
}

export interface BuiltProcess {
  /** null: the request does not change the process. */
  steps: ProcessStep[] | null;
  /** 400-class problems, each at its path (`steps.1.slug`). */
  problems: FieldError[];
  /** 422-class problems of sizes the platform refuses (`steps.0.task.memory`). */
  sizeProblems: FieldError[];
}

/**
 * The process a project gets from a request: slugs fixed (given, else from the name), environment
 * conditions resolved to ids, and each step's stack naming kept. A step keeps its slug's stack
 * naming forever: the shorthand's step and the steps migrated from the single-step model keep
 * `gantry-<project>-<env>[-<tenant>]`; every other step gets `gantry-<project>-<step>-<env>…`.
 * A step's kind never changes (its stack would be replaced by another kind's).
 */
export function buildProcess(request: ProcessRequest, context: ProcessContext): BuiltProcess {
  const problems: FieldError[] = [];
  if (request.step && request.steps) {
    problems.push({ path: 'step', message: 'send either step or steps, not both' });
    return { steps: null, problems, sizeProblems: [] };
  }
  if (!request.step && !request.steps) {
    if (context.existing === null)
      problems.push({ path: 'steps', message: 'a project needs steps (or the step shorthand)' });
    return { steps: null, problems, sizeProblems: [] };
  }
  let steps: ProcessStep[];
  let prefix: (index: number) => string;
  if (request.step) {
    const shorthand = shorthandStep(request.step, context.existing, problems);
    if (!shorthand) return { steps: null, problems, sizeProblems: [] };
    steps = [shorthand];
    prefix = () => 'step';
  } else {
    steps = (request.steps ?? []).map((step, index) =>
      withSlug(step, index, context.existing, problems),
    );
    prefix = (index) => `steps.${index}`;
    duplicateSlugs(steps, problems);
  }
  steps = steps.map((step, index) => resolveConditions(step, prefix(index), context, problems));
  if (!request.step && steps[0]?.parallelWithPrevious)
    problems.push({
      path: 'steps.0.parallelWithPrevious',
      message: 'the first step has no previous step to run with',
    });
  const sizeProblems = steps.flatMap((step, index) =>
    (stepKindOf(step.kind).sizeProblems?.(step as never) ?? []).map((problem) => ({
      path: [prefix(index), ...problem.path].join('.'),
      message: problem.message,
    })),
  );
  return { steps: problems.length ? null : steps, problems, sizeProblems };
}

/** `step: {...}`: the project's one ecs-service step, created or replaced (keeping its conditions). */
function shorthandStep(
  body: EcsServiceStep,
  existing: readonly ProcessStep[] | null,
  problems: FieldError[],
): ProcessStep | null {
  if (existing === null)
    return {
      ...SHORTHAND_STEP,
      kind: 'ecs-service',
      environments: [],
      excludeEnvironments: [],
      tenantTags: [],
      channels: [],
      parallelWithPrevious: false,
      legacyStackName: true,
      ...body,
    };
  if (existing.length !== 1 || existing[0].kind !== 'ecs-service') {
    problems.push({
      path: 'step',
      message: `this project has ${existing.length} steps (${existing.map((s) => s.slug).join(', ')}); change them with steps`,
    });
    return null;
  }
  const [only] = existing;
  const common = {
    name: only.name,
    slug: only.slug,
    kind: only.kind,
    environments: only.environments,
    excludeEnvironments: only.excludeEnvironments,
    tenantTags: only.tenantTags,
    channels: only.channels,
    parallelWithPrevious: only.parallelWithPrevious,
    ...(only.legacyStackName ? { legacyStackName: true } : {}),
  };
  return { ...common, ...body } as ProcessStep;
}

function withSlug(
  step: ProcessStepInput,
  index: number,
  existing: readonly ProcessStep[] | null,
  problems: FieldError[],
): ProcessStep {
  const slug = step.slug ?? slugify(step.name);
  if (!slug)
    problems.push({
      path: `steps.${index}.name`,
      message: 'must contain a letter or digit (the step slug is made from it)',
    });
  const previous = existing?.find((candidate) => candidate.slug === slug);
  if (previous && previous.kind !== step.kind)
    problems.push({
      path: `steps.${index}.kind`,
      message: `step '${slug}' is a ${previous.kind} step; a step's kind never changes (add a step with another name)`,
    });
  const { legacyStackName: _ignored, ...rest } = step as ProcessStep;
  return {
    ...rest,
    slug,
    ...(previous?.legacyStackName ? { legacyStackName: true } : {}),
  } as ProcessStep;
}

function duplicateSlugs(steps: readonly ProcessStep[], problems: FieldError[]): void {
  steps.forEach((step, index) => {
    const first = steps.findIndex((other) => other.slug === step.slug);
    if (step.slug && first !== index)
      problems.push({
        path: `steps.${index}.slug`,
        message: `'${step.slug}' is the slug of step ${first} too; steps need distinct names or slugs`,
      });
  });
}

function resolveConditions(
  step: ProcessStep,
  at: string,
  context: ProcessContext,
  problems: FieldError[],
): ProcessStep {
  const environmentIds = (field: 'environments' | 'excludeEnvironments') =>
    step[field].map((ref, index) => {
      const found = context.environments.find(
        (environment) => environment.id === ref || environment.slug === ref.toLowerCase(),
      );
      if (!found)
        problems.push({
          path: `${at}.${field}.${index}`,
          message: `environment '${ref}' does not exist`,
        });
      return found?.id ?? ref;
    });
  const channels = step.channels.map((ref, index) => {
    const found = context.channels.find((channel) => channel.slug === ref.toLowerCase());
    if (!found)
      problems.push({
        path: `${at}.channels.${index}`,
        message: `channel '${ref}' is not a channel of this project (${context.channels.map((c) => c.slug).join(', ')})`,
      });
    return found?.slug ?? ref;
  });
  return {
    ...step,
    environments: environmentIds('environments'),
    excludeEnvironments: environmentIds('excludeEnvironments'),
    channels,
  };
}
