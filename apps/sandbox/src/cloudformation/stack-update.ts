import { TIMINGS } from '../timings';
import type { ResourceRecord, Stack } from './cfn-types';
import { resolve } from './intrinsics';
import { checkProperties } from './resources/property-schemas';
import { requiresReplacement } from './resources/provider';
import { createResource } from './stack-create';
import { setResourceStatus, setStackStatus, resourceEvent } from './stack-events';
import { runUpdateRollback } from './stack-rollback';
import { changedProperties, reasonOf, sentence, type StackRuntime } from './stack-runtime';
import type { TemplatePlan } from './template-plan';

const REPLACING =
  'Requested update requires the creation of a new physical resource; hence creating one.';

/** Updates an existing resource in place or by replacement; returns the failure reason, if any. */
async function updateResource(
  rt: StackRuntime,
  stack: Stack,
  plan: TemplatePlan,
  id: string,
  existing: ResourceRecord,
): Promise<string | undefined> {
  const r = plan.resources[id];
  const undo = stack.pendingUndo ?? [];
  let props: Record<string, unknown>;
  try {
    props = resolve(r.Properties ?? {}, rt.resolveContext(stack, plan)) as Record<string, unknown>;
    checkProperties(id, r.Type, props);
  } catch (error) {
    setResourceStatus(stack, existing, 'UPDATE_FAILED', reasonOf(error));
    return reasonOf(error);
  }
  existing.deletionPolicy = r.DeletionPolicy;
  existing.updateReplacePolicy = r.UpdateReplacePolicy;
  const changed = changedProperties(existing.properties, props);
  if (changed.length === 0 && existing.type === r.Type) return undefined;
  const provider = rt.provider(r.Type);
  const ctx = rt.providerContext(stack, id, true, 'Resource update cancelled');
  if (existing.type !== r.Type || requiresReplacement(provider, changed)) {
    const name = provider.customName;
    if (name && props[name] !== undefined && props[name] === existing.properties[name]) {
      const reason = `CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename ${String(props[name])} and update the stack again.`;
      setResourceStatus(stack, existing, 'UPDATE_FAILED', reason);
      return reason;
    }
    resourceEvent(stack, existing, 'UPDATE_IN_PROGRESS', REPLACING);
    let orphan: string | undefined;
    const replaceCtx = rt.providerContext(stack, id, true, 'Resource update cancelled', (p) => {
      orphan = p;
    });
    try {
      await replaceCtx.sleep(TIMINGS.resource[r.Type] ?? 1000);
      const result = await provider.create(replaceCtx, props);
      const record: ResourceRecord = {
        ...existing,
        ...result,
        type: r.Type,
        properties: props,
        status: 'UPDATE_IN_PROGRESS',
      };
      stack.resources[id] = record;
      resourceEvent(stack, record, 'UPDATE_IN_PROGRESS', 'Resource creation Initiated');
      undo.push({ logicalId: id, kind: 'replaced', previous: existing });
      setResourceStatus(stack, record, 'UPDATE_COMPLETE');
      return undefined;
    } catch (error) {
      // A replacement that exists but failed to stabilize is deleted when the update rolls back.
      if (orphan) {
        const cleanup = (stack.pendingCleanup = stack.pendingCleanup ?? []);
        cleanup.push({
          ...existing,
          physicalId: orphan,
          ref: orphan,
          properties: props,
          deletionPolicy: undefined,
          updateReplacePolicy: undefined,
        });
      }
      setResourceStatus(stack, existing, 'UPDATE_FAILED', reasonOf(error));
      return reasonOf(error);
    }
  }
  undo.push({
    logicalId: id,
    kind: 'updated',
    previous: JSON.parse(JSON.stringify(existing)) as ResourceRecord,
  });
  setResourceStatus(stack, existing, 'UPDATE_IN_PROGRESS');
  try {
    await ctx.sleep(TIMINGS.resource[r.Type] ?? 1000);
    const result = await provider.update(ctx, existing, props);
    Object.assign(existing, result, { properties: props });
    setResourceStatus(stack, existing, 'UPDATE_COMPLETE');
    return undefined;
  } catch (error) {
    setResourceStatus(stack, existing, 'UPDATE_FAILED', reasonOf(error));
    return reasonOf(error);
  }
}

/** UpdateStack / an executed UPDATE change set: create, update or replace in order, clean up, or roll back. */
export async function runUpdate(rt: StackRuntime, stack: Stack, plan: TemplatePlan): Promise<void> {
  stack.pendingUndo = [];
  setStackStatus(stack, 'UPDATE_IN_PROGRESS', 'User Initiated');
  let failed: string | undefined;
  let created = false;
  for (const id of plan.order) {
    if (stack.cancelRequested) break;
    const existing = stack.resources[id];
    const live = existing && !['DELETE_COMPLETE', 'DELETE_SKIPPED'].includes(existing.status);
    const reason = live
      ? await updateResource(rt, stack, plan, id, existing)
      : await createResource(rt, stack, plan, id, true);
    if (!live) stack.pendingUndo.push({ logicalId: id, kind: 'created' });
    if (reason !== undefined) {
      failed = id;
      created = !live;
      break;
    }
  }
  let outputsError: string | undefined;
  if (!failed && !stack.cancelRequested) {
    try {
      stack.outputs = rt.outputs(stack, plan);
    } catch (error) {
      outputsError = sentence(reasonOf(error));
    }
  }
  if (failed || stack.cancelRequested || outputsError) {
    const reason = stack.cancelRequested
      ? 'Stack update cancelled'
      : (outputsError ??
        `The following resource(s) failed to ${created ? 'create' : 'update'}: [${failed}]. `);
    stack.cancelRequested = false;
    setStackStatus(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', reason);
    await runUpdateRollback(rt, stack, []);
    return;
  }
  await finishUpdate(rt, stack, plan);
}

async function finishUpdate(rt: StackRuntime, stack: Stack, plan: TemplatePlan): Promise<void> {
  setStackStatus(stack, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
  for (const step of [...(stack.pendingUndo ?? [])].reverse()) {
    if (step.kind === 'replaced' && step.previous) {
      await rt.deleteResource(stack, step.previous, step.previous.updateReplacePolicy === 'Retain');
    }
  }
  const removed = Object.keys(stack.resources)
    .filter((id) => !(id in plan.resources))
    .reverse();
  for (const id of removed) {
    const record = stack.resources[id];
    if (!['DELETE_COMPLETE', 'DELETE_SKIPPED'].includes(record.status)) {
      await rt.deleteResource(stack, record, record.deletionPolicy === 'Retain');
    }
    delete stack.resources[id];
  }
  stack.pendingUndo = undefined;
  stack.previous = undefined;
  setStackStatus(stack, 'UPDATE_COMPLETE');
}
