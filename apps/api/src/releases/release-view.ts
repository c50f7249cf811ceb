import {
  labelledImages,
  type ProgressionCell,
  type ProgressionSummary,
  type Tenancy,
} from '@gantry/domain';
import type {
  ChannelEntity,
  ReleaseEntity,
  ScopeCandidates,
  SnapshotVariable,
  StackStateRow,
} from '@gantry/persistence';

interface Ref {
  id: string;
  slug: string;
}

const DIMENSIONS = ['environments', 'tenants', 'channels', 'targets'] as const;

/** A release in a list: no snapshot, no progression. */
export function releaseSummary(
  release: ReleaseEntity,
  project: Ref,
  channel: ChannelEntity | undefined,
) {
  return {
    id: release.id,
    version: release.version,
    notes: release.notes,
    project: { id: project.id, slug: project.slug },
    channel: channel
      ? { id: channel.id, slug: channel.slug, name: channel.name }
      : { id: release.channelId, slug: null, name: null },
    images: labelledImages(release.images, release.steps),
    build: release.build,
    workItems: release.workItems,
    blocked: release.blockedReason !== null,
    block: release.blockedReason
      ? { reason: release.blockedReason, at: release.blockedAt, by: release.blockedBy }
      : null,
    createdAt: release.createdAt,
  };
}

/** Snapshot variables as the API shows them: sensitive values null, scopes as slugs. */
export function snapshotVariables(variables: SnapshotVariable[], candidates: ScopeCandidates) {
  const slugs = new Map(
    DIMENSIONS.flatMap((d) => candidates[d].map((row) => [row.id, row.slug] as const)),
  );
  return variables.map((variable) => ({
    name: variable.name,
    value: variable.sensitive ? null : variable.value,
    sensitive: variable.sensitive,
    scope: Object.fromEntries(
      DIMENSIONS.filter((d) => variable.scope[d]?.length).map((d) => [
        d,
        variable.scope[d]!.map((id) => slugs.get(id) ?? id),
      ]),
    ),
  }));
}

/**
 * Progression cells with environments and tenants as `{id, slug}`, and where each stands now:
 * the live release (the deployment that succeeded last) and the latest attempt with its status.
 */
export function progressionView(
  cells: ProgressionCell[],
  environments: Ref[],
  tenants: Ref[],
  stacks: StackStateRow[],
) {
  const refs = refMap([...environments, ...tenants]);
  const states = new Map(stacks.map((stack) => [stackOf(stack), stack]));
  return cells.map((cell) => {
    const state = states.get(stackOf(cell));
    return {
      environment: refs(cell.environmentId),
      tenant: cell.tenantId ? refs(cell.tenantId) : null,
      phase: cell.phase,
      status: cell.status,
      reason: cell.reason,
      ...(cell.status === 'blocked'
        ? { missingEnvironments: cell.missingEnvironmentIds.map(refs) }
        : {}),
      live: state?.live ?? null,
      latest: state?.latest ?? null,
    };
  });
}

/** The progression per environment: the untenanted cell's status and the tenant counts. */
export function progressionSummaryView(
  summary: ProgressionSummary[],
  environments: Ref[],
  tenancy: Tenancy,
) {
  const refs = refMap(environments);
  return summary.map((row) => ({
    environment: refs(row.environmentId),
    phase: row.phase,
    untenanted: row.untenanted
      ? {
          status: row.untenanted.status,
          reason: row.untenanted.reason,
          ...(row.untenanted.status === 'blocked'
            ? { missingEnvironments: row.untenanted.missingEnvironmentIds.map(refs) }
            : {}),
        }
      : null,
    ...(tenancy === 'untenanted' ? {} : { tenants: row.tenants }),
  }));
}

function refMap(rows: Ref[]): (id: string) => Ref {
  const byId = new Map(rows.map((row) => [row.id, row.slug]));
  return (id) => ({ id, slug: byId.get(id) ?? id });
}

const stackOf = (cell: { environmentId: string; tenantId: string | null }) =>
  `${cell.environmentId}/${cell.tenantId ?? ''}`;
