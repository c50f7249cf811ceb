import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import {
  CredentialsType,
  TargetEntity,
  TargetEnvironmentEntity,
  TargetTenantEntity,
} from '../entities';
import { SecretBox } from '../secret-box';
import { getByRef, getManyByRef } from './find-by-ref';
import type { ResourceRef } from './tenants.repository';

/** A target as the API and the deployment matcher see it; the encrypted secret is not part of it. */
export interface TargetRecord extends Omit<TargetEntity, 'secretAccessKeyEncrypted'> {
  hasSecret: boolean;
  environments: ResourceRef[];
  tenants: ResourceRef[];
  environmentIds: string[];
  tenantIds: string[];
}

/** What a target row holds. `secretAccessKey`: plaintext to encrypt, null to clear, undefined to keep. */
export type TargetWrite = Omit<
  TargetEntity,
  'id' | 'createdAt' | 'updatedAt' | 'secretAccessKeyEncrypted'
> & { secretAccessKey?: string | null };

export interface TargetFilter {
  environmentId?: string;
  /** Targets carrying any of these tags. */
  tags?: string[];
}

/** Target links: each list, when given, replaces the whole set. */
export interface TargetLinks {
  environmentIds?: string[];
  tenantIds?: string[];
}

/** The credentials of a target, the secret decrypted. Only the worker should ask for this. */
export type TargetCredentials =
  | { type: 'default' }
  | { type: 'sandbox' }
  | { type: 'keys'; accessKeyId: string; secretAccessKey: string }
  | { type: 'assume-role'; roleArn: string; externalId: string | null };

/** Everything needed to call AWS for a target. `endpoint` null: AWS itself, or the embedded sandbox for `sandbox`. */
export interface TargetAwsAccess {
  targetId: string;
  slug: string;
  name: string;
  region: string;
  cluster: string;
  endpoint: string | null;
  credentials: TargetCredentials;
}

interface LinkRow {
  targetId: string;
  id: string;
  slug: string;
}

/** Where a target deploys, by name: what a template's size depends on. */
export interface TargetPlaceRow {
  id: string;
  slug: string;
  name: string;
  cluster: string;
  region: string;
}

@Injectable()
export class TargetsRepository {
  constructor(
    @InjectRepository(TargetEntity) private readonly targets: Repository<TargetEntity>,
    private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
  ) {}

  get(ref: string): Promise<TargetEntity> {
    // PostgreSQL cannot compare text holding U+0000; such a ref names nothing.
    return getByRef(this.targets, 'target', ref);
  }

  getMany(refs: string[], path: string | readonly string[]): Promise<TargetEntity[]> {
    return getManyByRef(this.targets, 'target', refs, path);
  }

  async record(ref: string): Promise<TargetRecord> {
    const [record] = await this.withLinks([await this.get(ref)]);
    return record;
  }

  /** A page of targets by name, optionally only those in an environment or carrying one of the tags. */
  async list(
    filter: TargetFilter,
    limit: number,
    offset: number,
  ): Promise<[TargetRecord[], number]> {
    const [targets, total] = await this.filtered(filter).take(limit).skip(offset).getManyAndCount();
    return [await this.withLinks(targets), total];
  }

  /** Every target in an environment, with its tags, tenanted mode and tenants: the deployment matcher's input. */
  async inEnvironment(environmentId: string): Promise<TargetRecord[]> {
    return this.withLinks(await this.filtered({ environmentId }).getMany());
  }

  /** Per environment, its targets' names and places (no links, no credentials), in one query. */
  async placesIn(environmentIds: readonly string[]): Promise<Map<string, TargetPlaceRow[]>> {
    const rows: (TargetPlaceRow & { environmentId: string })[] = await this.targets.query(
      `SELECT te.environment_id AS "environmentId", t.id, t.slug, t.name, t.cluster, t.region
         FROM targets t JOIN target_environments te ON te.target_id = t.id
        WHERE te.environment_id = ANY($1::uuid[]) ORDER BY t.name`,
      [environmentIds],
    );
    const byEnvironment = new Map<string, TargetPlaceRow[]>();
    for (const { environmentId, ...target } of rows)
      byEnvironment.set(environmentId, [...(byEnvironment.get(environmentId) ?? []), target]);
    return byEnvironment;
  }

  /** Every target with its links: the input of the stack collision check (a few hundred at most). */
  async all(): Promise<TargetRecord[]> {
    return this.withLinks(await this.filtered({}).getMany());
  }

  private filtered(filter: TargetFilter) {
    const query = this.targets.createQueryBuilder('target').orderBy('target.name', 'ASC');
    if (filter.environmentId) {
      const inEnvironment =
        'EXISTS (SELECT 1 FROM target_environments te WHERE te.target_id = target.id AND te.environment_id = :environmentId)';
      query.andWhere(inEnvironment, { environmentId: filter.environmentId });
    }
    if (filter.tags?.length) query.andWhere('target.tags && :tags', { tags: filter.tags });
    return query;
  }

  /** Region, cluster, endpoint and decrypted credentials of a target. */
  async awsAccess(ref: string): Promise<TargetAwsAccess> {
    const target = await this.get(ref);
    return {
      targetId: target.id,
      slug: target.slug,
      name: target.name,
      region: target.region,
      cluster: target.cluster,
      endpoint: target.endpoint,
      credentials: this.credentialsOf(target),
    };
  }

  async create(values: TargetWrite, links: Required<TargetLinks>): Promise<TargetRecord> {
    const id = await this.dataSource.transaction(async (manager) => {
      const target = await manager.save(
        TargetEntity,
        manager.create(TargetEntity, this.toRow(values)),
      );
      await replaceLinks(manager, target.id, links);
      return target.id;
    });
    return this.record(id);
  }

  async update(
    id: string,
    values: Partial<TargetWrite>,
    links: TargetLinks,
  ): Promise<TargetRecord> {
    await this.dataSource.transaction(async (manager) => {
      // Updating the row first locks it, so two concurrent replacements of the links serialise.
      await manager.update(TargetEntity, { id }, { ...this.toRow(values), updatedAt: new Date() });
      await replaceLinks(manager, id, links);
    });
    return this.record(id);
  }

  async delete(id: string): Promise<void> {
    await this.targets.delete({ id });
  }

  private toRow(values: Partial<TargetWrite>): Partial<TargetEntity> {
    const { secretAccessKey, ...row } = values;
    if (secretAccessKey === undefined) return row;
    return {
      ...row,
      secretAccessKeyEncrypted:
        secretAccessKey === null ? null : this.secrets.encrypt(secretAccessKey),
    };
  }

  private credentialsOf(target: TargetEntity): TargetCredentials {
    const type: CredentialsType = target.credentialsType;
    if (type === 'keys') {
      return {
        type,
        accessKeyId: target.accessKeyId ?? '',
        secretAccessKey: target.secretAccessKeyEncrypted
          ? this.secrets.decrypt(target.secretAccessKeyEncrypted)
          : '',
      };
    }
    if (type === 'assume-role')
      return { type, roleArn: target.roleArn ?? '', externalId: target.externalId };
    return { type };
  }

  /** Environments (in promotion order) and tenants (by slug) of many targets, one query each. */
  private async withLinks(targets: TargetEntity[]): Promise<TargetRecord[]> {
    const ids = targets.map((target) => target.id);
    const [environments, tenants] = await Promise.all([
      this.links(
        `SELECT l.target_id AS "targetId", e.id, e.slug FROM target_environments l JOIN environments e ON e.id = l.environment_id WHERE l.target_id = ANY($1::uuid[]) ORDER BY e.position`,
        ids,
      ),
      this.links(
        `SELECT l.target_id AS "targetId", t.id, t.slug FROM target_tenants l JOIN tenants t ON t.id = l.tenant_id WHERE l.target_id = ANY($1::uuid[]) ORDER BY t.slug`,
        ids,
      ),
    ]);
    return targets.map(({ secretAccessKeyEncrypted, ...target }) => {
      const environmentRefs = environments.get(target.id) ?? [];
      const tenantRefs = tenants.get(target.id) ?? [];
      return {
        ...target,
        hasSecret: secretAccessKeyEncrypted !== null,
        environments: environmentRefs,
        tenants: tenantRefs,
        environmentIds: environmentRefs.map((ref) => ref.id),
        tenantIds: tenantRefs.map((ref) => ref.id),
      };
    });
  }

  private async links(sql: string, targetIds: string[]): Promise<Map<string, ResourceRef[]>> {
    const byTarget = new Map<string, ResourceRef[]>();
    if (targetIds.length === 0) return byTarget;
    const rows: LinkRow[] = await this.dataSource.query(sql, [targetIds]);
    for (const { targetId, id, slug } of rows)
      byTarget.set(targetId, [...(byTarget.get(targetId) ?? []), { id, slug }]);
    return byTarget;
  }
}

/** Replaces each given link set with one set-based INSERT; a link named twice is kept once. */
async function replaceLinks(
  manager: EntityManager,
  targetId: string,
  links: TargetLinks,
): Promise<void> {
  if (links.environmentIds) {
    await manager.delete(TargetEnvironmentEntity, { targetId });
    await manager.query(
      `INSERT INTO target_environments (target_id, environment_id) SELECT $1, id FROM unnest($2::uuid[]) AS id ON CONFLICT DO NOTHING`,
      [targetId, links.environmentIds],
    );
  }
  if (links.tenantIds) {
    await manager.delete(TargetTenantEntity, { targetId });
    await manager.query(
      `INSERT INTO target_tenants (target_id, tenant_id) SELECT $1, id FROM unnest($2::uuid[]) AS id ON CONFLICT DO NOTHING`,
      [targetId, links.tenantIds],
    );
  }
}
