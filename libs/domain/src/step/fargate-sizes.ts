/**
 * The task CPU/memory pairs Fargate accepts (CPU units → allowed memory in MiB).
 * Source: the ECS developer guide's task size table.
 */
const FARGATE_MEMORY_BY_CPU: Record<number, readonly number[]> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

export const FARGATE_CPU_VALUES = Object.keys(FARGATE_MEMORY_BY_CPU).map(Number);

/** Null when Fargate accepts the pair, otherwise a sentence saying what it accepts. */
export function fargateSizeProblem(cpu: number, memory: number): string | null {
  const memories = FARGATE_MEMORY_BY_CPU[cpu];
  if (!memories) {
    return `task cpu ${cpu} is not a Fargate size; use one of ${FARGATE_CPU_VALUES.join(', ')}`;
  }
  if (!memories.includes(memory)) {
    return `Fargate does not accept memory ${memory} with cpu ${cpu}; allowed: ${describeMemories(memories)}`;
  }
  return null;
}

function describeMemories(memories: readonly number[]): string {
  if (memories.length <= 3) return memories.join(', ');
  const step = memories[1] - memories[0];
  return `${memories[0]}–${memories[memories.length - 1]} in steps of ${step}`;
}
