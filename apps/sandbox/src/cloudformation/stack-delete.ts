import { dependencies, topologicalOrder } from './dependency-order';
import type { Stack } from './cfn-types';
import { setStackStatus } from './stack-events';
import type { StackRuntime } from './stack-runtime';
import { parseTemplate } from './template-parser';

function deleteOrder(stack: Stack): string[] {
  let order: string[] = [];
  try {
    const resources = parseTemplate(stack.templateBody).Resources ?? {};
    const present = Object.fromEntries(
      Object.entries(resources).filter(([id]) => id in stack.resources),
    );
    order = topologicalOrder(dependencies(present));
  } catch {
    order = [];
  }
  const rest = Object.keys(stack.resources).filter((id) => !order.includes(id));
  return [...order, ...rest].reverse();
}

/** DeleteStack: resources in reverse dependency order; DeletionPolicy Retain leaves them. */
export async function runDelete(
  rt: StackRuntime,
  stack: Stack,
  retain: string[],
  reason = 'User Initiated',
): Promise<void> {
  setStackStatus(stack, 'DELETE_IN_PROGRESS', reason);
  const failed: string[] = [];
  for (const id of deleteOrder(stack)) {
    const record = stack.resources[id];
    if (!record || record.status === 'DELETE_COMPLETE' || record.status === 'DELETE_SKIPPED')
      continue;
    const keep =
      (record.deletionPolicy === 'Retain' || retain.includes(id)) && record.physicalId !== '';
    if (!(await rt.deleteResource(stack, record, keep))) failed.push(id);
  }
  for (const record of stack.pendingCleanup ?? [])
    await rt.deleteResource(stack, record, record.updateReplacePolicy === 'Retain');
  stack.pendingCleanup = undefined;
  if (failed.length > 0) {
    setStackStatus(
      stack,
      'DELETE_FAILED',
      `The following resource(s) failed to delete: [${failed.join(', ')}]. `,
    );
    return;
  }
  setStackStatus(stack, 'DELETE_COMPLETE');
  stack.DeletionTime = new Date().toISOString();
  rt.state.stackByName.delete(`${stack.region}/${stack.StackName}`);
  for (const [id, cs] of rt.state.changeSets)
    if (cs.StackId === stack.StackId) rt.state.changeSets.delete(id);
}
