import type { SandboxState } from '../state';
import { validationError } from './cfn-error';
import type { Stack, StackOutput } from './cfn-types';

export interface StackExport {
  ExportingStackId: string;
  Name: string;
  Value: string;
}

/** The exports of a region: every output with an export name of a stack that is not deleted. */
export function exportsOf(state: SandboxState, region: string): StackExport[] {
  const out: StackExport[] = [];
  for (const id of state.stackByName.values()) {
    const stack = state.stacks.get(id);
    if (!stack || stack.region !== region) continue;
    for (const o of stack.outputs)
      if (o.ExportName)
        out.push({ ExportingStackId: stack.StackId, Name: o.ExportName, Value: o.OutputValue });
  }
  return out;
}

/**
 * Export names are unique in a region (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html):
 * a stack whose outputs export a name another stack exports fails.
 */
export function checkExports(state: SandboxState, stack: Stack, outputs: StackOutput[]): void {
  const mine = outputs.filter((o) => o.ExportName).map((o) => o.ExportName as string);
  const seen = new Set<string>();
  for (const name of mine) {
    if (seen.has(name))
      throw validationError(
        `Template format error: Duplicate export name ${name} in the Outputs block of the template`,
      );
    seen.add(name);
  }
  for (const other of exportsOf(state, stack.region)) {
    if (other.ExportingStackId !== stack.StackId && seen.has(other.Name)) {
      const owner = state.stacks.get(other.ExportingStackId)?.StackName ?? other.ExportingStackId;
      throw validationError(`Export with name ${other.Name} is already exported by stack ${owner}`);
    }
  }
}
