/** How a project treats tenants: never, always, or either per deployment. */
export type Tenancy = 'untenanted' | 'tenanted' | 'mixed';

/** One phase of a lifecycle, with environment ids, as stored (defaults applied). */
export interface LifecyclePhase {
  name: string;
  environments: readonly string[];
  automatic: readonly string[];
  /** 0 means every environment of the phase. */
  minimumEnvironmentsBeforePromotion: number;
  optional: boolean;
  /** Retention: keep the newest N releases deployed into this phase; null or absent: all. */
  keepReleases?: number | null;
}

/** A phase as the API receives it, before defaults are applied. */
export interface LifecyclePhaseInput {
  name: string;
  environments: readonly string[];
  automatic?: readonly string[];
  minimumEnvironmentsBeforePromotion?: number;
  optional?: boolean;
}

export interface Lifecycle {
  name: string;
  phases: readonly LifecyclePhase[];
}

/** Where a deployment goes: one environment, and one tenant or none. */
export interface DeploymentKey {
  environmentId: string;
  tenantId: string | null;
}

/** A tenant as seen by one project: the environments it is connected to for that project. */
export interface TenantReach {
  id: string;
  name?: string;
  environmentIds: readonly string[];
}

/** Display names by id, used only to word reasons; ids are shown when a name is missing. */
export type NameMap = Readonly<Record<string, string>>;
