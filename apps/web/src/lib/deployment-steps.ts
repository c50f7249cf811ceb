/** What the deployment page needs of a step to group it. */
export interface GroupedStep {
  slug: string;
  parallelWithPrevious: boolean;
}

/**
 * The process as it runs: groups in order, each group's steps at once. A step that runs in
 * parallel with the previous one joins its group; the first step always starts one.
 */
export function stepGroups<Step extends GroupedStep>(steps: readonly Step[]): Step[][] {
  const groups: Step[][] = [];
  for (const step of steps) {
    const current = groups[groups.length - 1];
    if (current && step.parallelWithPrevious) current.push(step);
    else groups.push([step]);
  }
  return groups;
}

/**
 * The step a log line belongs to: the worker prefixes a step's lines with `[<step>]` and its
 * lines on a target with `[<step>/<target>]`; deployment-wide lines have no prefix (null).
 */
export function stepOfLine(message: string): string | null {
  const scope = /^\[([a-z0-9-]+)(?:\/[^\]\s]+)?\] /.exec(message);
  return scope ? scope[1] : null;
}

/** The lines of one step, or every line when `step` is null. */
export function linesOfStep<Line extends { message: string }>(
  lines: readonly Line[],
  step: string | null,
): readonly Line[] {
  return step === null ? lines : lines.filter((line) => stepOfLine(line.message) === step);
}
