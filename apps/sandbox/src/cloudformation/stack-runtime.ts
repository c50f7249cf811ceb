import type { Ecs } from '../ecs/ecs';
import type { Scheduler } from '../scheduler';
import type { SandboxState } from '../state';
import { TIMINGS } from '../timings';
import type { ResourceRecord, Stack, StackOutput } from './cfn-types';
import { checkExports } from './exports';
import { resolve, type ResolveContext } from './intrinsics';
import { PROVIDERS } from './resources';
import { ResourceFailure, type ProviderContext, type ResourceProvider } from './resources/provider';
import { resourceEvent, setResourceStatus } from './stack-events';
import { planResolveContext, type TemplatePlan } from './template-plan';

/** Shared plumbing of stack operations: resolving against live resources, provider contexts, deletes. */
export class StackRuntime {
  constructor(
    readonly state: SandboxState,
    readonly ecs: Ecs,
    readonly scheduler: Scheduler,
    readonly log: (line: string) => void,
  ) {}

  provider(type: string): ResourceProvider {
    return PROVIDERS[type];
  }

  resolveContext(stack: Stack, plan: TemplatePlan): ResolveContext {
    return planResolveContext(plan, (id) => {
      if (!(id in plan.resources)) return undefined;
      const record = stack.resources[id];
      return {
        ref: record?.ref ?? '',
        attribute: (name) =>
          record?.attributes[name] ??
          (this.provider(plan.resources[id].Type).attributes.includes(name) ? '' : undefined),
      };
    });
  }

  providerContext(
    stack: Stack,
    logicalId: string,
    cancellable: boolean,
    cancelReason: string,
    initiated: (physicalId: string) => void = () => undefined,
  ): ProviderContext {
    return {
      initiated,
      ecs: this.ecs,
      state: this.state,
      scheduler: this.scheduler,
      region: stack.region,
      stackName: stack.StackName,
      logicalId,
      sleep: async (ms) => {
        await this.scheduler.sleep(ms);
        if (cancellable && stack.cancelRequested) throw new ResourceFailure(cancelReason);
      },
    };
  }

  outputs(stack: Stack, plan: TemplatePlan): StackOutput[] {
    const ctx = this.resolveContext(stack, plan);
    const out: StackOutput[] = [];
    for (const [key, o] of Object.entries(plan.template.Outputs ?? {})) {
      if (o.Condition && !plan.conditions[o.Condition]) continue;
      const value = resolve(o.Value, ctx);
      out.push({
        OutputKey: key,
        OutputValue: Array.isArray(value) ? value.join(',') : String(value),
        Description: o.Description,
        ExportName: o.Export ? String(resolve(o.Export.Name, ctx)) : undefined,
      });
    }
    checkExports(this.state, stack, out);
    return out;
  }

  /** Deletes one physical resource with its events; honours DeletionPolicy Retain. Returns false on failure. */
  async deleteResource(stack: Stack, record: ResourceRecord, retain: boolean): Promise<boolean> {
    if (retain) {
      resourceEvent(stack, record, 'DELETE_SKIPPED');
      record.status = 'DELETE_SKIPPED';
      return true;
    }
    setResourceStatus(stack, record, 'DELETE_IN_PROGRESS');
    try {
      await this.scheduler.sleep(TIMINGS.resourceDelete);
      if (record.physicalId)
        await this.provider(record.type).remove(
          this.providerContext(stack, record.logicalId, false, ''),
          record,
        );
      setResourceStatus(stack, record, 'DELETE_COMPLETE');
      return true;
    } catch (error) {
      setResourceStatus(
        stack,
        record,
        'DELETE_FAILED',
        error instanceof Error ? error.message : String(error),
      );
      return false;
    }
  }
}

/** Top-level properties whose resolved values differ (added and removed ones included). */
export function changedProperties(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A reason as the first sentence of a stack status reason: ends with a full stop and a space. */
export function sentence(reason: string): string {
  return reason.endsWith('.') ? `${reason} ` : `${reason}. `;
}
