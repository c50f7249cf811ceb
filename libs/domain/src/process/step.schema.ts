import { z } from 'zod';
import { STEP_KINDS } from './kinds';
import type { StepKindDefinition } from './step-kind';

/** The most steps a process has. */
export const MAX_STEPS = 20;

type SchemasOf<T extends readonly { schema: unknown }[]> = {
  -readonly [I in keyof T]: T[I]['schema'];
};
type KindSchemas = SchemasOf<typeof STEP_KINDS>;

/** One step of a project's deployment process, as a request sends it: a union on `kind`. */
export const stepSchema = z.discriminatedUnion(
  'kind',
  STEP_KINDS.map((kind) => kind.schema) as unknown as KindSchemas,
  { error: () => `must be one of: ${STEP_KINDS.map((kind) => kind.kind).join(', ')}` },
);

/** A step as parsed (defaults applied), before Gantry gave it its slug. */
export type ProcessStepInput = z.output<typeof stepSchema>;
export type StepKind = ProcessStepInput['kind'];

/**
 * A step as stored on a project and snapshotted on a release: its slug fixed, and whether it keeps
 * the single-step model's stack names (`gantry-<project>-<env>[-<tenant>]`).
 */
export type ProcessStep = ProcessStepInput & { slug: string; legacyStackName?: boolean };

/** The stored step of one kind. */
export type ProcessStepOf<K extends StepKind> = Extract<ProcessStep, { kind: K }>;

/** The ordered steps, 1 to 20. */
export const stepsSchema = z
  .array(stepSchema)
  .min(1, 'a process needs at least one step')
  .max(MAX_STEPS, `a process has at most ${MAX_STEPS} steps`);

const KINDS = new Map<string, StepKindDefinition>(
  STEP_KINDS.map((kind) => [kind.kind, kind as unknown as StepKindDefinition]),
);

/** The definition of a kind (scope, containers, whether it deploys a stack). */
export function stepKindOf(kind: string): StepKindDefinition {
  const definition = KINDS.get(kind);
  if (!definition) throw new Error(`Unknown step kind '${kind}'`);
  return definition;
}

/** Every registered kind's name. */
export function stepKinds(): string[] {
  return [...KINDS.keys()];
}

/** The containers of a step whose image tag a release chooses. */
export function stepContainers(step: ProcessStep): string[] {
  return stepKindOf(step.kind).containers(step as never);
}

/** The common fields, without the kind's body. */
export const STEP_COMMON_FIELDS = [
  'name',
  'slug',
  'kind',
  'environments',
  'excludeEnvironments',
  'tenantTags',
  'channels',
  'parallelWithPrevious',
  'legacyStackName',
] as const;

/** The kind's body of a step: what a renderer or executor of that kind reads. */
export function stepBody<S extends ProcessStep>(
  step: S,
): Omit<S, (typeof STEP_COMMON_FIELDS)[number]> {
  const body: Record<string, unknown> = { ...step };
  for (const field of STEP_COMMON_FIELDS) delete body[field];
  return body as Omit<S, (typeof STEP_COMMON_FIELDS)[number]>;
}
