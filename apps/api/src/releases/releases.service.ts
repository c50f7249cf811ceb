import { Injectable } from '@nestjs/common';
import {
  activeFreeze,
  assertChannelRules,
  frozenUntilText,
  DomainError,
  invalid,
  defaultReleaseVersion,
  labelledImages,
  resolveReleaseImages,
  groupedProgression,
  type GroupedProgressionCell,
  type Lifecycle,
  type ProgressionCell,
  type ProgressionStatus,
  progressionCells,
  summariseProgression,
  versionProblems,
} from '@gantry/domain';
import {
  DeploymentScheduler,
  ProjectSchedulingContext,
  SchedulingContextLoader,
} from '@gantry/scheduling';
import {
  ChannelsRepository,
  DashboardRepository,
  DeploymentsRepository,
  EnvironmentEntity,
  EnvironmentsRepository,
  FreezeEntity,
  FreezesRepository,
  ProjectEntity,
  ProjectsRepository,
  ReleaseEntity,
  ReleaseProgressionRepository,
  ReleasesRepository,
  SnapshotVariable,
  VariablesRepository,
} from '@gantry/persistence';
import { NotificationPublisher } from '@gantry/notifications';
import type { Actor } from '../access/actor';
import { assertActorScope } from '../deployments/actor-scope';
import { deploymentResponse } from '../deployments/deployment.response';
import { presentProcess } from '../projects/present-steps';
import { CreateRelease, ProgressionQuery } from './releases.dto';
import { ReleaseTemplateSize } from './release-template-size';
import { CREATED_RELEASE_DEPLOYMENTS_SHOWN } from './release.response';
import {
  progressionSummaryView,
  progressionView,
  releaseSummary,
  snapshotVariables,
} from './release-view';

/** Progression cells a release shows inline; the rest are paged by GET /api/releases/:id/progression. */
const PROGRESSION_INLINE = 100;

/**
 * A release's progression with a cell per environment and group of alike tenants (not per tenant),
 * and what its pages are computed and shown with.
 */
interface Progression {
  release: ReleaseEntity;
  project: ProjectEntity;
  environments: EnvironmentEntity[];
  lifecycle: Lifecycle;
  cells: GroupedProgressionCell[];
  freezes: FreezeEntity[];
  now: Date;
}

/** Which cells of a progression a page lists. */
interface ProgressionFilter {
  environmentId?: string;
  status?: ProgressionStatus;
}

/** Cells of one page, the tenants they name, and how many cells match in all. */
interface ProgressionPage {
  cells: ProgressionCell[];
  tenants: { id: string; slug: string }[];
  total: number;
}

/** How often a defaulted version is recomputed when a concurrent release took it first. */
const VERSION_ATTEMPTS = 3;

@Injectable()
export class ReleasesService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly channels: ChannelsRepository,
    private readonly releases: ReleasesRepository,
    private readonly variables: VariablesRepository,
    private readonly deployments: DeploymentsRepository,
    private readonly scheduler: DeploymentScheduler,
    private readonly contexts: SchedulingContextLoader,
    private readonly environments: EnvironmentsRepository,
    private readonly stacks: DashboardRepository,
    private readonly freezes: FreezesRepository,
    private readonly progressions: ReleaseProgressionRepository,
    private readonly notifications: NotificationPublisher,
    private readonly templateSize: ReleaseTemplateSize,
  ) {}

  /**
   * Validates images, channel rules, version and template sizes (`template_too_large`), snapshots
   * steps and variables, and queues the automatic deployments.
   */
  async create(projectRef: string, input: CreateRelease, actor: Actor) {
    const project = await this.projects.get(projectRef);
    assertActorScope(actor, { project, environments: [] });
    const channel = input.channel
      ? await this.channels.get(project.id, input.channel)
      : await this.channels.getDefault(project.id);
    const chosen = resolveReleaseImages(input.images, input.defaultTag, project.steps);
    const problems = [
      ...chosen.problems,
      ...(input.version === undefined ? [] : versionProblems(input.version)),
    ];
    if (problems.length) throw invalid(problems, 'The release is invalid.');
    // A channel rule names a container as the release does: bare, or `<step>/<container>`.
    assertChannelRules(channel, {
      ...chosen.images,
      ...labelledImages(chosen.images, project.steps),
    });
    // Read once: the template size check and the automatic deployments both need every tenant.
    const [variables, context] = await Promise.all([
      this.snapshotOf(project.id),
      this.contexts.forProject(project),
    ]);
    for (let attempt = 1; ; attempt += 1) {
      const { version, fromImages } = input.version
        ? { version: input.version, fromImages: false }
        : defaultReleaseVersion(
            chosen.images,
            await this.releases.versionsOf(project.id),
            input.defaultTag,
          );
      // A template over CloudFormation's TemplateBody limit is refused now, not at deployment.
      if (attempt === 1)
        await this.templateSize.assertFits(context, {
          channel: { id: channel.id, slug: channel.slug, name: channel.name },
          version,
          images: chosen.images,
          steps: project.steps,
          variables,
        });
      try {
        const { release, deployments } = await this.scheduler.createReleaseWithAutomaticDeployments(
          context,
          {
            channelId: channel.id,
            version,
            notes: input.notes,
            images: chosen.images,
            build: input.build ?? null,
            workItems: input.workItems,
            steps: project.steps,
            variables,
            snapshotTakenAt: new Date(),
            createdBy: actor.name,
            createdByKeyId: actor.keyId,
          },
          {
            actorName: actor.name,
            actorKeyId: actor.keyId,
            authorize: (environments) => assertActorScope(actor, { project, environments }),
          },
        );
        await this.notifications.release('release.created', release.id);
        return {
          ...(await this.view(release, project, context)),
          deployments: deployments
            .slice(0, CREATED_RELEASE_DEPLOYMENTS_SHOWN)
            .map(deploymentResponse),
          deploymentsTotal: deployments.length,
        };
      } catch (error) {
        const duplicate = error instanceof DomainError && error.code === 'duplicate';
        if (duplicate && fromImages) throw versionFromImagesTaken(version);
        const retry = duplicate && input.version === undefined && attempt < VERSION_ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  async list(projectRef: string, limit: number, offset: number) {
    const project = await this.projects.get(projectRef);
    const [[rows, total], [channels]] = await Promise.all([
      this.releases.list(project.id, limit, offset),
      this.channels.list(project.id, 500, 0),
    ]);
    return {
      items: rows.map((row) =>
        releaseSummary(
          row,
          project,
          channels.find((c) => c.id === row.channelId),
        ),
      ),
      total,
    };
  }

  /**
   * The release with its snapshot and its progression: summarised per environment (tenant counts),
   * and its first cells; the whole per-tenant progression is paged by `progression()`.
   */
  async get(id: string) {
    const release = await this.releases.get(id);
    return this.view(release, await this.projects.get(release.projectId));
  }

  /** `context`: the project's, when the caller has it (release creation), else read here. */
  private async view(
    release: ReleaseEntity,
    project: ProjectEntity,
    context?: ProjectSchedulingContext,
  ) {
    const [channel, candidates, progression] = await Promise.all([
      this.channels.findById(release.channelId),
      this.variables.scopeRowsNamed(release.variables.map((variable) => variable.scope)),
      this.progressionOf(release, project, context),
    ]);
    const inline = await this.page(progression, {}, 0, PROGRESSION_INLINE);
    return {
      ...releaseSummary(release, project, channel ?? undefined),
      snapshot: {
        ...presentProcess(release.steps, progression.environments),
        variables: snapshotVariables(release.variables, candidates),
        takenAt: release.snapshotTakenAt,
      },
      progression: await this.cellViews(inline, progression),
      progressionTotal: inline.total,
      progressionSummary: progressionSummaryView(
        summariseProgression(progression.cells, progression.environments),
        progression.environments,
        project.tenancy,
      ),
    };
  }

  /** A page of the release's progression cells, of one environment when given. */
  async progression(id: string, query: ProgressionQuery) {
    const release = await this.releases.get(id);
    const [project, environment] = await Promise.all([
      this.projects.get(release.projectId),
      query.environment ? this.environments.get(query.environment) : undefined,
    ]);
    const progression = await this.progressionOf(release, project);
    const page = await this.page(
      progression,
      { environmentId: environment?.id, status: query.status },
      query.offset,
      query.limit,
    );
    return { items: await this.cellViews(page, progression), total: page.total };
  }

  /** The lifecycle checked once per environment and group of alike tenants. */
  private async progressionOf(
    release: ReleaseEntity,
    project: ProjectEntity,
    context?: ProjectSchedulingContext,
  ): Promise<Progression> {
    const now = new Date();
    const [environments, groups, freezes] = await Promise.all([
      context?.environments ?? this.environments.all(),
      this.progressions.groups(project.id, release.id),
      this.freezes.current(now),
    ]);
    const lifecycle = await this.contexts.lifecycleOf(
      context ?? { project, environments, tenants: [] },
      release.channelId,
    );
    const cells = groupedProgression({
      lifecycle,
      tenancy: project.tenancy,
      environments,
      ...groups,
    });
    return { release, project, environments, lifecycle, cells, freezes, now };
  }

  /**
   * The cells from `offset`, untenanted ones first, then tenants by name: the total and the
   * untenanted cells come from the grouped progression, the tenant cells of the page from SQL
   * (only those are computed one by one, with reasons naming their tenant).
   */
  private async page(
    progression: Progression,
    filter: ProgressionFilter,
    offset: number,
    limit: number,
  ): Promise<ProgressionPage> {
    const { release, project, environments, lifecycle } = progression;
    const environmentIds = environments
      .filter((environment) => !filter.environmentId || environment.id === filter.environmentId)
      .map((environment) => environment.id);
    const matching = progression.cells.filter(
      (cell) =>
        environmentIds.includes(cell.environmentId) &&
        (!filter.status || cell.status === filter.status),
    );
    const untenanted = matching
      .filter((cell) => cell.groupKey === null)
      .slice(offset, offset + limit)
      .map(ungrouped);
    const untenantedTotal = matching.filter((cell) => cell.groupKey === null).length;
    const rows = await this.progressions.tenantCells(
      project.id,
      release.id,
      {
        environmentIds,
        cells: filter.status
          ? matching.flatMap((cell) =>
              cell.groupKey === null ? [] : [`${cell.environmentId}@${cell.groupKey}`],
            )
          : undefined,
      },
      Math.max(0, offset - untenantedTotal),
      limit - untenanted.length,
    );
    const cellOf = progressionCells({
      lifecycle,
      environments,
      succeeded: rows.flatMap((row) =>
        row.succeededEnvironmentIds.map((environmentId) => ({
          environmentId,
          tenantId: row.tenantId,
        })),
      ),
    });
    return {
      cells: [
        ...untenanted,
        ...rows.map((row) =>
          cellOf(row.environmentId, {
            id: row.tenantId,
            name: row.name,
            environmentIds: row.environmentIds,
          }),
        ),
      ],
      tenants: rows.map((row) => ({ id: row.tenantId, slug: row.slug })),
      total: matching.reduce((sum, cell) => sum + cell.tenants, 0),
    };
  }

  /**
   * Cells as the API shows them, with the live release and latest attempt of their stacks, and
   * the freeze that holds each one now.
   */
  private async cellViews(
    { cells, tenants }: ProgressionPage,
    { project, environments, freezes, now }: Progression,
  ) {
    const stacks = await this.stacks.stackStates(
      project.id,
      [...new Set(cells.map((cell) => cell.environmentId))],
      [...new Set(cells.flatMap((cell) => cell.tenantId ?? []))],
    );
    return progressionView(cells, environments, tenants, stacks).map((view, index) => {
      const place = { projectId: project.id, ...cells[index] };
      const active = activeFreeze(freezes, place, now);
      const frozen = active && {
        freeze: { id: active.freeze.id, name: active.freeze.name },
        until: active.endsAt,
        message: frozenUntilText(active),
      };
      return { ...view, frozen: frozen ?? null };
    });
  }

  /** A blocked release is deployed nowhere further, and `promote --skip-blocked` passes it over. */
  async block(id: string, reason: string, actor: Actor) {
    const release = await this.releases.get(id);
    assertActorScope(actor, {
      project: await this.projects.get(release.projectId),
      environments: [],
    });
    await this.releases.setBlock(release.id, { reason, by: actor.name });
    // What was queued and not started yet, or waits for an approval, is deployed nowhere either.
    for (const id of await this.deployments.queuedOfRelease(release.id)) {
      if ((await this.deployments.cancel(id, actor.name)) === 'cancelled')
        await this.notifications.deployments('deployment.cancelled', [id]);
    }
    await this.notifications.release('release.blocked', release.id);
    return this.get(release.id);
  }

  async unblock(id: string, actor: Actor) {
    const release = await this.releases.get(id);
    assertActorScope(actor, {
      project: await this.projects.get(release.projectId),
      environments: [],
    });
    await this.releases.setBlock(release.id, null);
    return this.get(release.id);
  }

  /** Takes the project's variables again; the step and the images stay as they were. */
  async refreshSnapshot(id: string, actor: Actor) {
    const release = await this.releases.get(id);
    const project = await this.projects.get(release.projectId);
    assertActorScope(actor, { project, environments: [] });
    await this.releases.refreshSnapshot(release.id, await this.snapshotOf(project.id), new Date());
    return this.get(release.id);
  }

  /** Sensitive values stay encrypted in the snapshot, exactly as stored. */
  private async snapshotOf(projectId: string): Promise<SnapshotVariable[]> {
    const rows = await this.variables.forProject(projectId);
    return rows.map((row) => ({
      name: row.name,
      value: row.value,
      valueEncrypted: row.valueEncrypted,
      sensitive: row.sensitive,
      scope: row.scope,
    }));
  }
}

/** A grouped cell as a page shows it (the untenanted cell stands for itself). */
function ungrouped({ groupKey: _groupKey, tenants: _tenants, ...cell }: GroupedProgressionCell) {
  return cell;
}

/** A release already has the version every image's tag names: the user picks another one. */
function versionFromImagesTaken(version: string): DomainError {
  return new DomainError(
    'duplicate',
    `Release ${version} already exists; without a version a release takes its images' shared tag. Give another version.`,
    [{ path: 'version', message: `'${version}' already exists` }],
  );
}
