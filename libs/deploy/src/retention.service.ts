import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  judgeReleases,
  taskDefinitionsToDeregister,
  type RetentionReleaseFacts,
} from '@gantry/domain';
import {
  RetentionRepository,
  TargetsRepository,
  type DeletedCounts,
  type RetentionPhaseRow,
  type RetentionReleaseRow,
} from '@gantry/persistence';
import { AwsCaller } from './aws/aws-caller';
import { createAwsClients } from './aws/aws-clients';
import { EcsGateway } from './gateways/ecs.gateway';
import { RUNNER_SETTINGS, RunnerSettings } from './runner/runner-settings';

interface Ref {
  id: string;
  slug: string;
}

/** What retention would delete (a preview) or deleted (a run). */
export interface RetentionPlan {
  releases: { id: string; version: string; project: Ref; deployments: number; logLines: number }[];
  taskDefinitions: { project: Ref; target: Ref; taskDefinitionArn: string }[];
  /** Targets whose task definitions could not be looked at (unreachable, no credentials): skipped. */
  skipped: { target: Ref; reason: string }[];
}

export interface RetentionOutcome {
  plan: RetentionPlan;
  deleted: DeletedCounts;
  deregistered: number;
}

/**
 * Retention: per lifecycle phase keep the newest N releases (never one live or latest anywhere,
 * nor one with a deployment under way), with their deployments and logs; per project keep the
 * newest N revisions of each task definition family on its targets and deregister older ones no
 * service of the cluster uses. `plan` changes nothing; `run` deletes what `plan` finds.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly retention: RetentionRepository,
    private readonly targets: TargetsRepository,
    private readonly caller: AwsCaller,
    @Inject(RUNNER_SETTINGS) private readonly settings: RunnerSettings,
  ) {}

  async plan(): Promise<RetentionPlan> {
    const releases = await this.releasesToDelete();
    const sizes = await this.retention.sizes(releases.map((release) => release.id));
    const { taskDefinitions, skipped } = await this.taskDefinitionsToDeregister();
    return {
      releases: releases.map((release) => ({
        id: release.id,
        version: release.version,
        project: release.project,
        deployments: sizes.get(release.id)?.deployments ?? 0,
        logLines: sizes.get(release.id)?.logLines ?? 0,
      })),
      taskDefinitions,
      skipped,
    };
  }

  async run(): Promise<RetentionOutcome> {
    const plan = await this.plan();
    const deleted = await this.retention.deleteReleases(plan.releases.map((release) => release.id));
    let deregistered = 0;
    const byTarget = new Map<string, EcsGateway>();
    for (const item of plan.taskDefinitions) {
      try {
        let ecs = byTarget.get(item.target.id);
        if (!ecs) byTarget.set(item.target.id, (ecs = await this.ecsFor(item.target.id)));
        await ecs.deregisterTaskDefinition(item.taskDefinitionArn);
        deregistered += 1;
      } catch (error) {
        this.logger.warn(
          `Retention: could not deregister ${item.taskDefinitionArn} on target ${item.target.slug}: ${(error as Error).message}`,
        );
      }
    }
    this.logger.log(
      `Retention: deleted ${deleted.releases} release(s) (${deleted.deployments} deployment(s), ${deleted.logLines} log line(s)), deregistered ${deregistered} task definition revision(s)` +
        (plan.skipped.length ? `; skipped ${plan.skipped.length} unreachable target(s)` : ''),
    );
    return {
      plan,
      deleted: {
        releases: deleted.releases,
        deployments: deleted.deployments,
        logLines: deleted.logLines,
      },
      deregistered,
    };
  }

  private async releasesToDelete(): Promise<RetentionReleaseRow[]> {
    const [phases, releases] = await Promise.all([
      this.retention.phases(),
      this.retention.releases(),
    ]);
    const phasesOf = new Map<string, RetentionPhaseRow[]>();
    for (const phase of phases)
      phasesOf.set(phase.lifecycleId, [...(phasesOf.get(phase.lifecycleId) ?? []), phase]);
    // Judged per project and lifecycle: a project's channels on one lifecycle share its limits.
    const groups = new Map<string, RetentionReleaseRow[]>();
    for (const release of releases) {
      const key = `${release.project.id}/${release.lifecycleId}`;
      groups.set(key, [...(groups.get(key) ?? []), release]);
    }
    const doomed: RetentionReleaseRow[] = [];
    for (const group of groups.values()) {
      const lifecyclePhases = phasesOf.get(group[0].lifecycleId) ?? [];
      const facts: RetentionReleaseFacts[] = group.map((release) => ({
        id: release.id,
        version: release.version,
        createdAt: new Date(release.createdAt),
        phases: lifecyclePhases.flatMap((phase, index) =>
          phase.environmentIds.some((id) => release.environmentIds.includes(id)) ? [index] : [],
        ),
        protections: release.protections,
      }));
      const verdicts = judgeReleases(
        lifecyclePhases.map((phase) => ({ keepReleases: phase.keepReleases })),
        facts,
      );
      const going = new Set(verdicts.filter((verdict) => !verdict.keep).map((v) => v.id));
      doomed.push(...group.filter((release) => going.has(release.id)));
    }
    return doomed;
  }

  private async taskDefinitionsToDeregister(): Promise<
    Pick<RetentionPlan, 'taskDefinitions' | 'skipped'>
  > {
    const families = await this.retention.families();
    const taskDefinitions: RetentionPlan['taskDefinitions'] = [];
    const skipped: RetentionPlan['skipped'] = [];
    const byTarget = new Map<string, typeof families>();
    for (const family of families)
      byTarget.set(family.targetId, [...(byTarget.get(family.targetId) ?? []), family]);
    for (const [targetId, ofTarget] of byTarget) {
      let target: Ref = { id: targetId, slug: targetId };
      try {
        const access = await this.targets.awsAccess(targetId);
        target = { id: access.targetId, slug: access.slug };
        const ecs = this.gateway(access);
        const inUse = await ecs.taskDefinitionsInUse(access.cluster);
        for (const family of ofTarget) {
          const revisions = await ecs.listTaskDefinitions(family.family);
          for (const arn of taskDefinitionsToDeregister(
            revisions,
            inUse,
            family.keepTaskDefinitions,
          ))
            taskDefinitions.push({ project: family.project, target, taskDefinitionArn: arn });
        }
      } catch (error) {
        skipped.push({ target, reason: (error as Error).message });
      }
    }
    return { taskDefinitions, skipped };
  }

  private async ecsFor(targetId: string): Promise<EcsGateway> {
    return this.gateway(await this.targets.awsAccess(targetId));
  }

  /** ECS through the shared rate limiter; an unreachable endpoint is skipped, not waited for. */
  private gateway(access: Awaited<ReturnType<TargetsRepository['awsAccess']>>): EcsGateway {
    return new EcsGateway(createAwsClients(access, this.settings.sandboxUrl), this.caller, {
      unreachableSeconds: 0,
    });
  }
}
