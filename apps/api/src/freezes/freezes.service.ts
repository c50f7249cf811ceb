import { Injectable } from '@nestjs/common';
import { freezeWindowEnd, invalid, recurrenceProblems, type FieldError } from '@gantry/domain';
import {
  EnvironmentsRepository,
  FreezeEntity,
  FreezesRepository,
  FreezeValues,
  ProjectsRepository,
  TenantsRepository,
} from '@gantry/persistence';
import { slugFor } from '../http/slug';
import { CreateFreeze, UpdateFreeze } from './freezes.dto';

interface Ref {
  id: string;
  slug: string;
}

@Injectable()
export class FreezesService {
  constructor(
    private readonly freezes: FreezesRepository,
    private readonly projects: ProjectsRepository,
    private readonly environments: EnvironmentsRepository,
    private readonly tenants: TenantsRepository,
  ) {}

  async create(input: CreateFreeze) {
    const values: FreezeValues = {
      name: input.name,
      slug: slugFor(input),
      reason: input.reason,
      startAt: input.start ? new Date(input.start) : null,
      endAt: input.end ? new Date(input.end) : null,
      recurrence: input.recurrence ?? null,
      timeZone: input.timeZone,
      ...(await this.scopeIds(input)),
    };
    assertWindow(values);
    return this.present(await this.freezes.create(values));
  }

  async list(limit: number, offset: number) {
    const [rows, total] = await this.freezes.list(limit, offset);
    return { items: await Promise.all(rows.map((row) => this.present(row))), total };
  }

  async get(ref: string) {
    return this.present(await this.freezes.get(ref));
  }

  async update(ref: string, input: UpdateFreeze) {
    const freeze = await this.freezes.get(ref);
    const changes: Partial<FreezeValues> = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      ...(input.start !== undefined ? { startAt: input.start ? new Date(input.start) : null } : {}),
      ...(input.end !== undefined ? { endAt: input.end ? new Date(input.end) : null } : {}),
      ...(input.recurrence !== undefined ? { recurrence: input.recurrence } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      ...(await this.scopeIds(input)),
    };
    assertWindow({ ...freeze, ...changes });
    return this.present(await this.freezes.update(freeze.id, changes));
  }

  async delete(ref: string): Promise<void> {
    const freeze = await this.freezes.get(ref);
    await this.freezes.delete(freeze.id);
  }

  private async scopeIds(input: {
    projects?: string[];
    environments?: string[];
    tenants?: string[];
  }) {
    const ids = (rows: Ref[]) => rows.map((row) => row.id);
    return {
      ...(input.projects
        ? { projectIds: ids(await this.projects.getMany(input.projects, 'projects')) }
        : {}),
      ...(input.environments
        ? {
            environmentIds: ids(
              await this.environments.getMany(input.environments, 'environments'),
            ),
          }
        : {}),
      ...(input.tenants
        ? { tenantIds: ids(await this.tenants.getMany(input.tenants, 'tenants')) }
        : {}),
    } as Pick<FreezeValues, 'projectIds' | 'environmentIds' | 'tenantIds'>;
  }

  private async present(freeze: FreezeEntity) {
    const [projects, environments, tenants] = await Promise.all([
      this.refs(this.projects, freeze.projectIds),
      this.refs(this.environments, freeze.environmentIds),
      this.refs(this.tenants, freeze.tenantIds),
    ]);
    const activeUntil = freezeWindowEnd(freeze, new Date());
    return {
      id: freeze.id,
      slug: freeze.slug,
      name: freeze.name,
      reason: freeze.reason,
      start: freeze.startAt,
      end: freeze.endAt,
      recurrence: freeze.recurrence,
      timeZone: freeze.timeZone,
      projects,
      environments,
      tenants,
      active: activeUntil !== null,
      activeUntil,
      createdAt: freeze.createdAt,
      updatedAt: freeze.updatedAt,
    };
  }

  private async refs(
    repository: { getMany(refs: string[], path: string): Promise<Ref[]> },
    ids: string[],
  ): Promise<Ref[]> {
    // A scope member deleted since the freeze was written is left out rather than failing the read.
    const rows = await repository.getMany(ids, 'scope').catch(() => null);
    return (rows ?? ids.map((id) => ({ id, slug: id }))).map(({ id, slug }) => ({ id, slug }));
  }
}

/** A freeze needs a one-off window (start before end) or a recurrence, and a valid time zone. */
function assertWindow(values: Pick<FreezeValues, 'startAt' | 'endAt' | 'recurrence' | 'timeZone'>) {
  const problems: FieldError[] = recurrenceProblems(values.recurrence, values.timeZone);
  if (!values.recurrence && (!values.startAt || !values.endAt))
    problems.push({
      path: values.startAt ? 'end' : 'start',
      message: 'a freeze needs start and end, or a recurrence',
    });
  if (values.startAt && values.endAt && values.endAt <= values.startAt)
    problems.push({ path: 'end', message: 'must be after start' });
  if (problems.length) throw invalid(problems, 'The freeze is invalid.');
}
