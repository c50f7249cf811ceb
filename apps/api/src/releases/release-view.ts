import type { ProgressionCell } from '@gantry/domain';
import type {
  ChannelEntity,
  ReleaseEntity,
  ScopeCandidates,
  SnapshotVariable,
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
    images: release.images,
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

/** Progression cells with environments and tenants as `{id, slug}`. */
export function progressionView(cells: ProgressionCell[], environments: Ref[], tenants: Ref[]) {
  const ref = (rows: Ref[], id: string) => {
    const row = rows.find((candidate) => candidate.id === id);
    return { id, slug: row?.slug ?? id };
  };
  return cells.map((cell) => ({
    environment: ref(environments, cell.environmentId),
    tenant: cell.tenantId ? ref(tenants, cell.tenantId) : null,
    phase: cell.phase,
    status: cell.status,
    reason: cell.reason,
    ...(cell.status === 'blocked'
      ? { missingEnvironments: cell.missingEnvironmentIds.map((id) => ref(environments, id)) }
      : {}),
  }));
}
