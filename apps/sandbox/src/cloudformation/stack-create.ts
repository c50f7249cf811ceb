import { TIMINGS } from '../timings';
import type { ResourceRecord, Stack } from './cfn-types';
import { resolve } from './intrinsics';
import { checkProperties } from './resources/property-schemas';
import { setResourceStatus, setStackStatus } from './stack-events';
import { runDelete } from './stack-delete';
import { reasonOf, sentence, type StackRuntime } from './stack-runtime';
import type { TemplatePlan } from './template-plan';

/** Creates one resource with its events; returns the failure reason, if any. */
export async function createResource(
  rt: StackRuntime,
  stack: Stack,
  plan: TemplatePlan,
  logicalId: string,
  cancellable: boolean,
): Promise<string | undefined> {
  const r = plan.resources[logicalId];
  const record: ResourceRecord = {
    logicalId,
    type: r.Type,
    physicalId: '',
    status: 'CREATE_IN_PROGRESS',
    timestamp: new Date().toISOString(),
    properties: {},
    ref: '',
    attributes: {},
    deletionPolicy: r.DeletionPolicy,
    updateReplacePolicy: r.UpdateReplacePolicy,
  };
  stack.resources[logicalId] = record;
  setResourceStatus(stack, record, 'CREATE_IN_PROGRESS');
  try {
    record.properties = resolve(r.Properties ?? {}, rt.resolveContext(stack, plan)) as Record<
      string,
      unknown
    >;
    checkProperties(logicalId, r.Type, record.properties);
    let initiated = false;
    const announce = (physicalId: string) => {
      if (initiated) return;
      initiated = true;
      record.physicalId = physicalId;
      setResourceStatus(stack, record, 'CREATE_IN_PROGRESS', 'Resource creation Initiated');
    };
    const ctx = rt.providerContext(
      stack,
      logicalId,
      cancellable,
      'Resource creation cancelled',
      announce,
    );
    await ctx.sleep(TIMINGS.resource[r.Type] ?? 1000);
    const result = await rt.provider(r.Type).create(ctx, record.properties);
    announce(result.physicalId);
    Object.assign(record, result);
    setResourceStatus(stack, record, 'CREATE_COMPLETE');
    return undefined;
  } catch (error) {
    setResourceStatus(stack, record, 'CREATE_FAILED', reasonOf(error));
    return reasonOf(error);
  }
}

/** CreateStack / an executed CREATE change set: resources in dependency order, rollback on failure. */
export async function runCreate(rt: StackRuntime, stack: Stack, plan: TemplatePlan): Promise<void> {
  setStackStatus(stack, 'CREATE_IN_PROGRESS', 'User Initiated');
  let failed: string | undefined;
  for (const id of plan.order) {
    if (await createResource(rt, stack, plan, id, false)) {
      failed = id;
      break;
    }
  }
  let reason = `The following resource(s) failed to create: [${failed}]. `;
  if (!failed) {
    try {
      stack.outputs = rt.outputs(stack, plan);
      setStackStatus(stack, 'CREATE_COMPLETE');
      return;
    } catch (error) {
      reason = sentence(reasonOf(error));
    }
  }
  await failCreate(rt, stack, plan, reason);
}

/**
 * A failed create ends as the caller asked: CREATE_FAILED with rollback disabled, deleted with
 * `OnFailure=DELETE`, otherwise rolled back to ROLLBACK_COMPLETE (or ROLLBACK_FAILED).
 */
export async function failCreate(
  rt: StackRuntime,
  stack: Stack,
  plan: TemplatePlan,
  reason: string,
): Promise<void> {
  if (stack.disableRollback) {
    setStackStatus(stack, 'CREATE_FAILED', reason);
    return;
  }
  if (stack.deleteOnFailure) {
    await runDelete(rt, stack, [], `${reason}Delete requested by user.`);
    return;
  }
  setStackStatus(stack, 'ROLLBACK_IN_PROGRESS', `${reason}Rollback requested by user.`);
  let ok = true;
  for (const id of [...plan.order].reverse()) {
    const record = stack.resources[id];
    if (!record) continue;
    ok =
      (await rt.deleteResource(
        stack,
        record,
        record.deletionPolicy === 'Retain' && record.physicalId !== '',
      )) && ok;
  }
  setStackStatus(
    stack,
    ok ? 'ROLLBACK_COMPLETE' : 'ROLLBACK_FAILED',
    ok ? undefined : 'The following resource(s) failed to delete during rollback.',
  );
}
