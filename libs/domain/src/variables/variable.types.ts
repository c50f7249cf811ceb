/**
 * Ids of the environments, tenants, channels and targets a value applies to. A missing or empty
 * dimension does not restrict; a listed one must contain the deployment's value.
 */
export interface VariableScope {
  environments?: string[];
  tenants?: string[];
  channels?: string[];
  targets?: string[];
}

/** One value of a project variable. Several definitions may share a name with different scopes. */
export interface VariableDefinition {
  name: string;
  /** `null` means "no value here" (e.g. a sensitive value the caller could not read): never a candidate. */
  value: string | null;
  sensitive: boolean;
  scope: VariableScope;
}

/** Where a deployment goes; the ids are matched against scopes. */
export interface ResolutionContext {
  environmentId: string;
  tenantId: string | null;
  channelId: string;
  targetId: string | null;
  /** Values of the `Gantry.*` built-ins, usually from {@link builtInVariables}. Taken literally. */
  builtIns: Record<string, string>;
}

/** A variable after resolution: its fully expanded value, and whether it is (or uses) a secret. */
export interface ResolvedVariable {
  name: string;
  value: string;
  sensitive: boolean;
  builtIn: boolean;
}

export type ResolvedVariables = ReadonlyMap<string, ResolvedVariable>;

/** A `#{Name}` found in a field of the step; `path` is the dotted path of that field. */
export interface VariableUse {
  name: string;
  path: string;
}
