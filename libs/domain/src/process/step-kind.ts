import { z } from 'zod';
import { NAME_MAX_LENGTH, SLUG_MAX_LENGTH, SLUG_PATTERN } from '../naming/slug';
import { TENANT_TAG_PATTERN } from '../targets/tenant-tags';

/** A problem of one step, at a path inside the step (`containers.0.name`). */
export interface StepProblem {
  path: (string | number)[];
  message: string;
}

const ref = z.string().trim().min(1).max(100);

/** The fields every step has, whatever its kind: its name, slug and conditions. */
export const stepCommonShape = {
  name: z.string().trim().min(1).max(NAME_MAX_LENGTH),
  /** Immutable once the step exists; derived from the name when absent. */
  slug: z
    .string()
    .max(SLUG_MAX_LENGTH)
    .regex(SLUG_PATTERN, 'must be lower-case letters, digits and single hyphens')
    .optional(),
  /** Runs only in these environments (refs, stored as ids); empty: every environment. */
  environments: z.array(ref).max(100).default([]),
  /** Never runs in these environments (refs, stored as ids). */
  excludeEnvironments: z.array(ref).max(100).default([]),
  /** Runs only for tenants carrying these tags (Octopus' matching); never for untenanted deployments. */
  tenantTags: z
    .array(z.string().regex(TENANT_TAG_PATTERN, 'must be a tag of the form group/value'))
    .max(50)
    .default([]),
  /** Runs only for releases of these channels (slugs); empty: every channel. */
  channels: z.array(ref).max(50).default([]),
  /** Runs at the same time as the previous step (consecutive steps so marked form one group). */
  parallelWithPrevious: z.boolean().default(false),
};

/** Where a step's kind runs: once per matching target, or once per deployment (an approval). */
export type StepScope = 'targets' | 'deployment';

export interface StepKindOptions<K extends string, S extends z.ZodRawShape> {
  kind: K;
  /** The kind's own fields (its body), beside the common ones. */
  shape: S;
  /** Rules spanning the body's fields (400 at save, each at its path inside the step). */
  problems?: (step: z.output<z.ZodObject<S>>) => StepProblem[];
  /** Rules about sizes the platform accepts (422 `fargate_size_invalid` at save). */
  sizeProblems?: (step: z.output<z.ZodObject<S>>) => StepProblem[];
  scope: StepScope;
  /** The containers whose image tag a release chooses. */
  containers: (step: z.output<z.ZodObject<S>>) => string[];
  /** True when the kind deploys one CloudFormation stack per target (named by `stepStackName`). */
  deploysStack: boolean;
}

/**
 * Defines a step kind: its schema is the common fields, `kind: <literal>`, and the kind's body.
 * Register the result in `kinds/index.ts` (STEP_KINDS) to make it part of the process schema.
 */
export function defineStepKind<K extends string, S extends z.ZodRawShape>(
  options: StepKindOptions<K, S>,
) {
  const schema = z
    .strictObject({ ...stepCommonShape, kind: z.literal(options.kind), ...options.shape })
    .superRefine((step, ctx) => {
      for (const problem of options.problems?.(step as never) ?? [])
        ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    });
  return { ...options, schema };
}

/** What the rest of Gantry knows of any kind, without its body's types. */
export interface StepKindDefinition {
  kind: string;
  scope: StepScope;
  deploysStack: boolean;
  containers: (step: never) => string[];
  sizeProblems?: (step: never) => StepProblem[];
}
