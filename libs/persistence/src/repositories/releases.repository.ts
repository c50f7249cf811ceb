import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { isUuid, notFound } from '@gantry/domain';
import { ReleaseEntity, SnapshotVariable } from '../entities';
import { translateDatabaseError } from '../unique-violation';

export type ReleaseValues = Omit<
  ReleaseEntity,
  'id' | 'createdAt' | 'blockedReason' | 'blockedAt' | 'blockedBy' | 'createdBy' | 'createdByKeyId'
> &
  Partial<Pick<ReleaseEntity, 'createdBy' | 'createdByKeyId'>>;

@Injectable()
export class ReleasesRepository {
  constructor(
    @InjectRepository(ReleaseEntity) private readonly releases: Repository<ReleaseEntity>,
  ) {}

  /** The release, or not_found; releases are referenced by id only. */
  async get(id: string): Promise<ReleaseEntity> {
    const release = isUuid(id) ? await this.releases.findOne({ where: { id } }) : null;
    if (!release) throw notFound('release', id);
    return release;
  }

  /** Every version of the project, to compute the next default one. */
  async versionsOf(projectId: string): Promise<string[]> {
    const rows: { version: string }[] = await this.releases.query(
      'SELECT version FROM releases WHERE project_id = $1',
      [projectId],
    );
    return rows.map((row) => row.version);
  }

  /** Newest first. */
  list(projectId: string, limit: number, offset: number): Promise<[ReleaseEntity[], number]> {
    return this.releases.findAndCount({
      where: { projectId },
      order: { createdAt: 'DESC', version: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  /** Inserts a release; a version the project already has is a `duplicate` error. */
  async insert(
    values: ReleaseValues,
    manager: EntityManager = this.releases.manager,
  ): Promise<ReleaseEntity> {
    return manager
      .save(ReleaseEntity, manager.create(ReleaseEntity, values))
      .catch((error) => translateDatabaseError(error, 'release'));
  }

  /** Blocks the release (a reason and who), or unblocks it (null). */
  async setBlock(id: string, block: { reason: string; by: string | null } | null): Promise<void> {
    await this.releases.update(
      { id },
      block
        ? { blockedReason: block.reason, blockedBy: block.by, blockedAt: new Date() }
        : { blockedReason: null, blockedBy: null, blockedAt: null },
    );
  }

  /** Replaces the variable snapshot; step and images never change. */
  async refreshSnapshot(id: string, variables: SnapshotVariable[], takenAt: Date): Promise<void> {
    await this.releases.update({ id }, { variables, snapshotTakenAt: takenAt });
  }
}
