import { fargateSizeProblem, type EcsServiceStep, type FieldError } from '@gantry/domain';
import type { FieldValues } from './field-values';

/** Problems found so far; Fargate size problems are kept apart because they have their own code. */
export interface CheckProblems {
  general: FieldError[];
  fargate: FieldError[];
}

type Raw = number | string | null | undefined;

/**
 * The whole number a field holds after substitution; null when it is absent, only known at deploy
 * time, or invalid (then a problem naming the field is recorded; a sensitive value is not shown).
 */
export function readWholeNumber(
  raw: Raw,
  path: string,
  values: FieldValues,
  [min, max]: readonly [number, number],
  problems: FieldError[],
): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return raw;
  const text = values.expand(raw);
  if (text === null) return null;
  const number = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isInteger(number) && number >= min && number <= max) return number;
  const shown = values.sensitive(raw) ? 'a sensitive value' : `'${text}'`;
  problems.push({
    path,
    message: `must be a whole number from ${min} to ${max} after substitution, got ${shown}`,
  });
  return null;
}

const CONTAINER_CPU = [0, 16384] as const;
const CONTAINER_MEMORY = [6, 122880] as const;
const TASK_SIZE = [1, 1_000_000] as const;

/** Number fields, the Fargate CPU/memory pair, and the containers' sums against the task size. */
export function checkNumbers(
  step: EcsServiceStep,
  values: FieldValues,
  problems: CheckProblems,
): void {
  const { general } = problems;
  readWholeNumber(
    step.service.desiredCount,
    'step.service.desiredCount',
    values,
    [0, 5000],
    general,
  );
  readWholeNumber(
    step.service.healthCheckGracePeriodSeconds,
    'step.service.healthCheckGracePeriodSeconds',
    values,
    [0, 2147483647],
    general,
  );
  const taskCpu = readWholeNumber(step.task.cpu, 'step.task.cpu', values, TASK_SIZE, general);
  const taskMemory = readWholeNumber(
    step.task.memory,
    'step.task.memory',
    values,
    TASK_SIZE,
    general,
  );
  if (taskCpu !== null && taskMemory !== null) {
    const problem = fargateSizeProblem(taskCpu, taskMemory);
    if (problem)
      problems.fargate.push({
        path: problem.startsWith('task cpu') ? 'step.task.cpu' : 'step.task.memory',
        message: problem,
      });
  }
  let cpuSum: number | null = 0;
  let memorySum: number | null = 0;
  step.containers.forEach((container, index) => {
    const at = `step.containers.${index}`;
    const cpu = readWholeNumber(container.cpu, `${at}.cpu`, values, CONTAINER_CPU, general);
    const hard = readWholeNumber(
      container.memory,
      `${at}.memory`,
      values,
      CONTAINER_MEMORY,
      general,
    );
    const soft = readWholeNumber(
      container.memoryReservation,
      `${at}.memoryReservation`,
      values,
      CONTAINER_MEMORY,
      general,
    );
    if (hard !== null && soft !== null && soft > hard) {
      general.push({
        path: `${at}.memoryReservation`,
        message: `must not exceed the container's memory (${hard} MiB), got ${soft}`,
      });
    }
    cpuSum = cpu === null || cpuSum === null ? null : cpuSum + cpu;
    const unknownMemory =
      (container.memory !== null && hard === null) ||
      (container.memory === null && container.memoryReservation !== null && soft === null);
    memorySum = unknownMemory || memorySum === null ? null : memorySum + (hard ?? soft ?? 0);
  });
  if (taskCpu !== null && cpuSum !== null && cpuSum > taskCpu) {
    general.push({
      path: 'step.task.cpu',
      message: `the containers reserve ${cpuSum} CPU units in total, more than the task's ${taskCpu}`,
    });
  }
  if (taskMemory !== null && memorySum !== null && memorySum > taskMemory) {
    general.push({
      path: 'step.task.memory',
      message: `the containers reserve ${memorySum} MiB in total, more than the task's ${taskMemory}`,
    });
  }
}
