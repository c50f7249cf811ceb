import type { Stack } from './cfn-types';
import { resourceEvent, setResourceStatus, setStackStatus } from './stack-events';
import { reasonOf, type StackRuntime } from './stack-runtime';

/**
 * Undoes an update, newest step first: in-place updates are applied backwards, replaced resources
 * point at their old physical resource again, new ones are deleted in the cleanup phase. A step
 * that fails leaves UPDATE_ROLLBACK_FAILED and the remaining steps for ContinueUpdateRollback.
 */
export async function runUpdateRollback(
  rt: StackRuntime,
  stack: Stack,
  skip: string[],
): Promise<void> {
  const previous = stack.previous;
  if (previous) {
    stack.templateBody = previous.templateBody;
    stack.parameters = previous.parameters;
    stack.noEcho = previous.noEcho;
  }
  const undo = stack.pendingUndo ?? [];
  const cleanup = (stack.pendingCleanup = stack.pendingCleanup ?? []);
  while (undo.length > 0) {
    const step = undo[undo.length - 1];
    const current = stack.resources[step.logicalId];
    if (skip.includes(step.logicalId)) {
      if (step.previous)
        stack.resources[step.logicalId] = { ...step.previous, status: 'UPDATE_COMPLETE' };
      resourceEvent(
        stack,
        step.previous ?? current,
        'UPDATE_COMPLETE',
        'Resource skipped during rollback',
      );
      undo.pop();
      continue;
    }
    try {
      if (step.kind === 'created') {
        if (current) cleanup.push(current);
        delete stack.resources[step.logicalId];
      } else if (step.kind === 'replaced' && step.previous) {
        if (current && current.physicalId !== step.previous.physicalId) cleanup.push(current);
        const restored = { ...step.previous };
        stack.resources[step.logicalId] = restored;
        setResourceStatus(stack, restored, 'UPDATE_IN_PROGRESS');
        setResourceStatus(stack, restored, 'UPDATE_COMPLETE');
      } else if (step.kind === 'updated' && step.previous && current) {
        setResourceStatus(stack, current, 'UPDATE_IN_PROGRESS');
        const ctx = rt.providerContext(stack, step.logicalId, false, '');
        const result = await rt
          .provider(current.type)
          .update(ctx, current, step.previous.properties);
        Object.assign(current, result, { properties: step.previous.properties });
        setResourceStatus(stack, current, 'UPDATE_COMPLETE');
      }
      undo.pop();
    } catch (error) {
      if (current) setResourceStatus(stack, current, 'UPDATE_FAILED', reasonOf(error));
      setStackStatus(
        stack,
        'UPDATE_ROLLBACK_FAILED',
        `The following resource(s) failed to update: [${step.logicalId}]. `,
      );
      return;
    }
  }
  setStackStatus(stack, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
  for (const record of [...cleanup].reverse()) {
    const retain =
      record.status === 'CREATE_FAILED' && !record.physicalId
        ? false
        : record.updateReplacePolicy === 'Retain' || record.deletionPolicy === 'Retain';
    if (record.physicalId) await rt.deleteResource(stack, record, retain);
    else resourceEvent(stack, record, 'DELETE_COMPLETE');
  }
  if (previous) stack.outputs = previous.outputs;
  stack.pendingCleanup = undefined;
  stack.pendingUndo = undefined;
  stack.previous = undefined;
  setStackStatus(stack, 'UPDATE_ROLLBACK_COMPLETE');
}
