/**
 * Retention: which releases (with their deployments and logs) and which task definition revisions
 * may go. Pure rules; the caller reads the facts and deletes.
 */

/** A phase's retention: keep the newest `keepReleases` releases deployed into it (null: all). */
export interface PhaseRetention {
  keepReleases: number | null;
}

/** Why a release may not be deleted whatever the limits say. */
export type ReleaseProtection =
  /** the last succeeded deployment of some stack (environment, tenant): what runs there now */
  | 'live'
  /** the latest deployment of some stack: what the dashboard shows there */
  | 'latest'
  /** a deployment still queued or running */
  | 'unfinished';

export interface RetentionReleaseFacts {
  id: string;
  version: string;
  createdAt: Date;
  /** The phases of its lifecycle (by index) it has deployments in; none: it counts in phase 0. */
  phases: readonly number[];
  protections: readonly ReleaseProtection[];
}

export type ReleaseVerdict =
  | { id: string; version: string; keep: true; reason: string }
  | { id: string; version: string; keep: false; reason: string };

/**
 * Releases of one lifecycle (one project's channel, or channels sharing a lifecycle), judged
 * together: each phase with a limit keeps its newest `keepReleases` releases (newest by
 * `createdAt`, then version); a release goes only when no protection holds it and every phase
 * it is in has a limit that leaves it out. A phase without a limit keeps every release in it.
 */
export function judgeReleases(
  phases: readonly PhaseRetention[],
  releases: readonly RetentionReleaseFacts[],
): ReleaseVerdict[] {
  const newestFirst = [...releases].sort(
    (a, b) =>
      b.createdAt.getTime() - a.createdAt.getTime() ||
      (a.version < b.version ? 1 : a.version > b.version ? -1 : 0),
  );
  const phasesOf = (release: RetentionReleaseFacts) =>
    release.phases.length ? [...new Set(release.phases)] : [0];
  const keptBy = new Map<string, number[]>();
  phases.forEach((phase, index) => {
    const inPhase = newestFirst.filter((release) => phasesOf(release).includes(index));
    const kept = phase.keepReleases === null ? inPhase : inPhase.slice(0, phase.keepReleases);
    for (const release of kept) keptBy.set(release.id, [...(keptBy.get(release.id) ?? []), index]);
  });
  return newestFirst.map((release) => {
    const base = { id: release.id, version: release.version };
    if (release.protections.length)
      return { ...base, keep: true, reason: [...new Set(release.protections)].join(', ') };
    const keeping = keptBy.get(release.id);
    // A phase index the lifecycle no longer has (phases were removed) keeps nothing.
    if (keeping?.length)
      return {
        ...base,
        keep: true,
        reason: `within the limit of phase ${keeping.map((index) => index + 1).join(', ')}`,
      };
    const limited = phasesOf(release).every(
      (index) => index >= phases.length || phases[index].keepReleases !== null,
    );
    return limited
      ? { ...base, keep: false, reason: 'beyond every limit of its phases' }
      : { ...base, keep: true, reason: 'in a phase without a limit' };
  });
}

/** A task definition revision's number, from its ARN or `family:revision`; null when there is none. */
export function revisionOf(taskDefinition: string): number | null {
  const match = /:(\d+)$/.exec(taskDefinition);
  return match ? Number(match[1]) : null;
}

/**
 * The ACTIVE revisions of one family to deregister: all but the newest `keep`, and never one a
 * service uses (`inUse`, by ARN). `keep` null deregisters nothing.
 */
export function taskDefinitionsToDeregister(
  revisions: readonly string[],
  inUse: ReadonlySet<string>,
  keep: number | null,
): string[] {
  if (keep === null) return [];
  const newestFirst = revisions
    .filter((arn) => revisionOf(arn) !== null)
    .sort((a, b) => revisionOf(b)! - revisionOf(a)!);
  return newestFirst.slice(keep).filter((arn) => !inUse.has(arn));
}
