import { Injectable } from '@nestjs/common';
import { DomainError, FieldError } from '@gantry/domain';
import {
  ProjectsRepository,
  ScopeCandidates,
  SecretBox,
  VariableEntity,
  VariablesRepository,
  VariableScopeRecord,
  VariableValues,
} from '@gantry/persistence';
import { RefResolver } from '../http/ref-resolver';
import { PutVariables, VariableItem } from './variables.dto';

const DIMENSIONS = ['environments', 'tenants', 'channels', 'targets'] as const;
const KIND: Record<(typeof DIMENSIONS)[number], string> = {
  environments: 'environment',
  tenants: 'tenant',
  channels: 'channel',
  targets: 'target',
};

@Injectable()
export class VariablesService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly variables: VariablesRepository,
    private readonly secrets: SecretBox,
  ) {}

  /** Sensitive values come back as null; scopes name slugs. */
  async list(projectRef: string) {
    const project = await this.projects.get(projectRef);
    const [rows, candidates] = await Promise.all([
      this.variables.forProject(project.id),
      this.variables.scopeCandidates(project.id),
    ]);
    const slugs = new Map(
      DIMENSIONS.flatMap((dimension) =>
        candidates[dimension].map((row) => [row.id, row.slug] as const),
      ),
    );
    const items = rows.map((row) => ({
      name: row.name,
      value: row.sensitive ? null : row.value,
      sensitive: row.sensitive,
      scope: Object.fromEntries(
        DIMENSIONS.filter((d) => row.scope[d]?.length).map((d) => [
          d,
          row.scope[d]!.map((id) => slugs.get(id) ?? id),
        ]),
      ),
    }));
    return { items, total: items.length };
  }

  /** Replaces the whole set. A sensitive item sent with a null value keeps the value stored for the same name and scope. */
  async replace(projectRef: string, input: PutVariables) {
    const project = await this.projects.get(projectRef);
    const [existing, candidates] = await Promise.all([
      this.variables.forProject(project.id),
      this.variables.scopeCandidates(project.id),
    ]);
    const scopes = resolveScopes(input.items, candidates);
    const problems: FieldError[] = [];
    const values = input.items.map((item, index) =>
      this.toValues(item, scopes[index], existing, `items.${index}`, problems),
    );
    if (problems.length)
      throw new DomainError('validation_failed', 'Some variables are invalid.', problems);
    await this.variables.replace(project.id, values);
    return this.list(project.id);
  }

  private toValues(
    item: VariableItem,
    scope: VariableScopeRecord,
    existing: VariableEntity[],
    path: string,
    problems: FieldError[],
  ): VariableValues {
    if (!item.sensitive) {
      if (item.value === null)
        problems.push({
          path: `${path}.value`,
          message: 'a value is required for a variable that is not sensitive',
        });
      return {
        name: item.name,
        value: item.value ?? '',
        valueEncrypted: null,
        sensitive: false,
        scope,
      };
    }
    if (item.value !== null)
      return {
        name: item.name,
        value: null,
        valueEncrypted: this.secrets.encrypt(item.value),
        sensitive: true,
        scope,
      };
    const kept = existing.find(
      (row) => row.sensitive && row.name === item.name && sameScope(row.scope, scope),
    );
    if (!kept)
      problems.push({
        path: `${path}.value`,
        message: 'no stored value to keep for this name and scope; send the value',
      });
    return {
      name: item.name,
      value: null,
      valueEncrypted: kept?.valueEncrypted ?? null,
      sensitive: true,
      scope,
    };
  }
}

function resolveScopes(items: VariableItem[], candidates: ScopeCandidates): VariableScopeRecord[] {
  const resolvers = Object.fromEntries(
    DIMENSIONS.map((d) => [d, new RefResolver(KIND[d], candidates[d])]),
  ) as Record<(typeof DIMENSIONS)[number], RefResolver<{ id: string; slug: string }>>;
  const scopes = items.map((item, index) =>
    Object.fromEntries(
      DIMENSIONS.filter((d) => item.scope[d]?.length).map((d) => [
        d,
        [
          ...new Set(
            resolvers[d].resolve(item.scope[d]!, `items.${index}.scope.${d}`).map((row) => row.id),
          ),
        ].sort(),
      ]),
    ),
  );
  DIMENSIONS.forEach((d) => resolvers[d].assertAllFound());
  return scopes;
}

function sameScope(a: VariableScopeRecord, b: VariableScopeRecord): boolean {
  return DIMENSIONS.every(
    (d) => JSON.stringify([...(a[d] ?? [])].sort()) === JSON.stringify([...(b[d] ?? [])].sort()),
  );
}
