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
  ProgressionCell,
  releaseProgression,
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
  EnvironmentsRepository,
  FreezeEntity,
  FreezesRepository,
  ProjectEntity,
  ProjectsRepository,
  ReleaseEntity,
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
import {
  progressionSummaryView,
  progressionView,
  releaseSummary,
  snapshotVariables,
} from './release-view';

/** Progression cells a release shows inline; the rest are paged by GET /api/releases/:id/progression. */
const PROGRESSION_INLINE = 100;

/** A release's progression cells, and what they are computed and shown with. */
interface Progression {
  cells: ProgressionCell[];
  context: ProjectSchedulingContext;
  freezes: FreezeEntity[];
  now: Date;
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
    const variables = await this.snapshotOf(project.id);
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
        await this.templateSize.assertFits(project, {
          channel: { id: channel.id, slug: channel.slug, name: channel.name },
          version,
          images: chosen.images,
          steps: project.steps,
          variables,
        });
      try {
        const { release, deployments } = await this.scheduler.createReleaseWithAutomaticDeployments(
          project,
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
          ...(await this.get(release.id)),
          deployments: deployments.map(deploymentResponse),
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
    const project = await this.projects.get(release.projectId);
    const [channel, candidates, progression] = await Promise.all([
      this.channels.findById(release.channelId),
      this.variables.scopeCandidates(project.id),
      this.progressionOf(release, project),
    ]);
    return {
      ...releaseSummary(release, project, channel ?? undefined),
      snapshot: {
        ...presentProcess(release.steps, progression.context.environments),
        variables: snapshotVariables(release.variables, candidates),
        takenAt: release.snapshotTakenAt,
      },
      progression: await this.cellViews(
        progression.cells.slice(0, PROGRESSION_INLINE),
        progression,
      ),
      progressionTotal: progression.cells.length,
      progressionSummary: progressionSummaryView(
        summariseProgression(progression.cells, progression.context.environments),
        progression.context.environments,
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
    const matching = progression.cells.filter(
      (cell) =>
        (!environment || cell.environmentId === environment.id) &&
        (!query.status || cell.status === query.status),
    );
    return {
      items: await this.cellViews(
        matching.slice(query.offset, query.offset + query.limit),
        progression,
      ),
      total: matching.length,
    };
  }

  private async progressionOf(
    release: ReleaseEntity,
    project: ProjectEntity,
  ): Promise<Progression> {
    const now = new Date();
    const [context, succeeded, freezes] = await Promise.all([
      this.contexts.forProject(project),
      this.deployments.keysOf([release.id], ['succeeded']),
      this.freezes.current(now),
    ]);
    const cells = releaseProgression({
      ...(await this.contexts.releaseContext(context, release.channelId)),
      environments: context.environments,
      succeeded,
    });
    return { cells, context, freezes, now };
  }

  /**
   * Cells as the API shows them, with the live release and latest attempt of their stacks, and
   * the freeze that holds each one now.
   */
  private async cellViews(cells: ProgressionCell[], { context, freezes, now }: Progression) {
    const stacks = await this.stacks.stackStates(
      context.project.id,
      [...new Set(cells.map((cell) => cell.environmentId))],
      [...new Set(cells.flatMap((cell) => cell.tenantId ?? []))],
    );
    return progressionView(cells, context.environments, context.tenants, stacks).map(
      (view, index) => {
        const place = { projectId: context.project.id, ...cells[index] };
        const active = activeFreeze(freezes, place, now);
        const frozen = active && {
          freeze: { id: active.freeze.id, name: active.freeze.name },
          until: active.endsAt,
          message: frozenUntilText(active),
        };
        return { ...view, frozen: frozen ?? null };
      },
    );
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

/** A release already has the version every image's tag names: the user picks another one. */
function versionFromImagesTaken(version: string): DomainError {
  return new DomainError(
    'duplicate',
    `Release ${version} already exists; without a version a release takes its images' shared tag. Give another version.`,
    [{ path: 'version', message: `'${version}' already exists` }],
  );
}
