import { DomainError, type ErrorCode, type FieldError } from '../errors/domain-error';
import { parseTemplateString } from './variable-references';
import type { VariableUse } from './variable.types';

type ProblemCode =
  'unresolved_variable' | 'ambiguous_variable' | 'variable_cycle' | 'variable_too_large';

/**
 * No expanded value may be longer than a whole CloudFormation template may be (TemplateBody:
 * 51,200 bytes): nested references doubling at each level would otherwise reach gigabytes.
 */
export const MAX_EXPANDED_VARIABLE_BYTES = 51_200;

/**
 * How deep references may nest (#{A} → #{B} → …). Expansion recurses once per level, so a chain
 * thousands deep would overflow the stack; no real configuration comes near this.
 */
export const MAX_VARIABLE_NESTING = 32;

/**
 * The most bytes of values one expansion may produce in all, intermediate variables included:
 * twenty templates' worth. Without it a chain of 32 variables of 50 KB each is 1.6 MB of work
 * per render, and many renders of it hold the event loop.
 */
export const MAX_EXPANSION_WORK_BYTES = 1_048_576;

/** What a lookup knows about one name. `unknown`: the variable exists but has no value yet. */
export type VariableLookupResult =
  | { kind: 'value'; value: string; sensitive: boolean; builtIn: boolean }
  | { kind: 'unknown'; sensitive: boolean }
  | {
      kind: 'problem';
      code: Exclude<ProblemCode, 'variable_cycle' | 'variable_too_large'>;
      message: string;
    };

export type VariableLookup = (name: string) => VariableLookupResult;

/** A variable with nested references expanded; `value` is null when some part is unknown. */
export interface VariableExpansion {
  name: string;
  value: string | null;
  sensitive: boolean;
  builtIn: boolean;
}

const CODE_ORDER: ProblemCode[] = [
  'unresolved_variable',
  'ambiguous_variable',
  'variable_cycle',
  'variable_too_large',
];

/**
 * Expands the variables named by `uses` and, transitively, every variable their values refer to.
 * Built-in values are taken literally. A value is sensitive when its variable is, or when it
 * refers to a sensitive variable. Throws one DomainError listing every unresolved, ambiguous and
 * cyclic variable (code: the first of those kinds that occurred).
 */
export function expandVariables(
  uses: readonly VariableUse[],
  lookup: VariableLookup,
): Map<string, VariableExpansion> {
  const state: ExpansionState = {
    lookup,
    done: new Map(),
    failed: new Set(),
    stack: [],
    problems: [],
    seen: new Set(),
    work: 0,
  };
  for (const use of uses) visit(use.name, use.path, state);
  if (state.problems.length > 0) throw problemsError(state.problems);
  return state.done;
}

interface Problem extends FieldError {
  code: ProblemCode;
  name: string;
}

interface ExpansionState {
  lookup: VariableLookup;
  done: Map<string, VariableExpansion>;
  failed: Set<string>;
  stack: string[];
  problems: Problem[];
  seen: Set<string>;
  /** Bytes of values expanded so far (see `MAX_EXPANSION_WORK_BYTES`). */
  work: number;
}

function visit(name: string, path: string, state: ExpansionState): boolean {
  if (state.done.has(name)) return true;
  const cycleStart = state.stack.indexOf(name);
  if (cycleStart >= 0) {
    const cycle = [...state.stack.slice(cycleStart), name];
    addProblem(state, {
      code: 'variable_cycle',
      name,
      path: `variables.${name}`,
      message: `variable cycle: ${cycle.map((n) => `#{${n}}`).join(' → ')}`,
    });
    return false;
  }
  const found = state.lookup(name);
  if (found.kind === 'problem') {
    addProblem(state, { code: found.code, name, path, message: found.message });
    return false;
  }
  if (state.failed.has(name)) return false;
  if (found.kind === 'unknown' || found.builtIn) {
    const value = found.kind === 'unknown' ? null : found.value;
    state.done.set(name, {
      name,
      value,
      sensitive: found.sensitive,
      builtIn: found.kind === 'value' && found.builtIn,
    });
    return true;
  }
  return expandValue(name, found.value, found.sensitive, state);
}

function expandValue(
  name: string,
  raw: string,
  sensitive: boolean,
  state: ExpansionState,
): boolean {
  if (state.stack.length >= MAX_VARIABLE_NESTING) {
    addProblem(state, {
      code: 'variable_too_large',
      name,
      path: `variables.${name}`,
      message: `#{${name}} is nested more than ${MAX_VARIABLE_NESTING} references deep (#{${state.stack[0]}} → … → #{${name}})`,
    });
    state.failed.add(name);
    return false;
  }
  state.stack.push(name);
  const parts: (string | null)[] = [];
  let ok = true;
  let isSensitive = sensitive;
  for (const segment of parseTemplateString(raw)) {
    if (segment.ref === undefined) {
      parts.push(segment.text);
      continue;
    }
    if (!visit(segment.ref, `variables.${name}`, state)) {
      ok = false;
      continue;
    }
    const nested = state.done.get(segment.ref) as VariableExpansion;
    isSensitive ||= nested.sensitive;
    parts.push(nested.value);
  }
  state.stack.pop();
  const bytes = ok ? byteLength(parts) : 0;
  if (bytes > MAX_EXPANDED_VARIABLE_BYTES) {
    addProblem(state, {
      code: 'variable_too_large',
      name,
      path: `variables.${name}`,
      message: `#{${name}} expands to more than ${MAX_EXPANDED_VARIABLE_BYTES.toLocaleString('en-US')} bytes, the most a CloudFormation template may hold`,
    });
    ok = false;
  } else if (ok && (state.work += bytes) > MAX_EXPANSION_WORK_BYTES) {
    addProblem(state, {
      code: 'variable_too_large',
      name,
      path: `variables.${name}`,
      message: `#{${name}}: the variables it refers to expand to more than ${MAX_EXPANSION_WORK_BYTES.toLocaleString('en-US')} bytes in all, far more than a CloudFormation template may hold (${MAX_EXPANDED_VARIABLE_BYTES.toLocaleString('en-US')})`,
    });
    ok = false;
  }
  if (!ok) {
    state.failed.add(name);
    return false;
  }
  const value = parts.some((part) => part === null) ? null : parts.join('');
  state.done.set(name, { name, value, sensitive: isSensitive, builtIn: false });
  return true;
}

function addProblem(state: ExpansionState, problem: Problem): void {
  const key = `${problem.code}|${problem.name}|${problem.path}`;
  if (state.seen.has(key)) return;
  state.seen.add(key);
  state.problems.push(problem);
}

function problemsError(problems: Problem[]): DomainError {
  const code: ErrorCode =
    CODE_ORDER.find((candidate) => problems.some((problem) => problem.code === candidate)) ??
    'unresolved_variable';
  const names = [...new Set(problems.map((problem) => problem.name))];
  const errors = problems.map(({ path, message }) => ({ path, message }));
  const message = `Variables could not be resolved: ${[...new Set(problems.map((problem) => problem.message))].join('; ')}`;
  return new DomainError(code, message, errors, { variables: names });
}

/** UTF-8 size of the parts (joined only when small enough to matter). */
function byteLength(parts: readonly (string | null)[]): number {
  const characters = parts.reduce((sum, part) => sum + (part?.length ?? 0), 0);
  if (characters > MAX_EXPANDED_VARIABLE_BYTES) return characters;
  if (characters * 3 <= MAX_EXPANDED_VARIABLE_BYTES) return characters;
  return new TextEncoder().encode(parts.join('')).length;
}
