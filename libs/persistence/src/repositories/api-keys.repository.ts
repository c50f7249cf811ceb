import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { ApiKeyEntity, AuditEventEntity } from '../entities';

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  /** The active key stored under one of these hashes (the current scheme's and the legacy one). */
  findActiveByHash(keyHashes: string[]): Promise<ApiKeyEntity | null> {
    return this.keys.findOne({ where: { keyHash: In(keyHashes), revokedAt: IsNull() } });
  }

  /** A key by id, revoked or not (a revoked key's limits still hold for what it started). */
  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOne({ where: { id } });
  }

  async rehash(id: string, keyHash: string): Promise<void> {
    await this.keys.update({ id }, { keyHash });
  }

  async touch(id: string): Promise<void> {
    await this.keys.update({ id }, { lastUsedAt: new Date() });
  }

  create(
    values: Omit<ApiKeyEntity, 'id' | 'createdAt' | 'lastUsedAt' | 'revokedAt'>,
  ): Promise<ApiKeyEntity> {
    return this.keys.save(this.keys.create(values));
  }

  /**
   * Makes sure a key with this hash exists as an admin key (the bootstrap key); a row an earlier
   * version stored under the legacy hash is moved to the new one, keeping its id and history.
   */
  async ensureAdmin(
    name: string,
    keyHash: string,
    legacyKeyHash: string,
    keyPrefix: string,
  ): Promise<void> {
    await this.keys.query(
      `UPDATE api_keys SET key_hash = $1, key_prefix = $2
       WHERE key_hash = $3 AND NOT EXISTS (SELECT 1 FROM api_keys WHERE key_hash = $1)`,
      [keyHash, keyPrefix, legacyKeyHash],
    );
    await this.keys.query(
      `INSERT INTO api_keys (name, role, key_hash, key_prefix) VALUES ($1, 'admin', $2, $3)
       ON CONFLICT (key_hash) DO UPDATE SET revoked_at = NULL, role = 'admin'`,
      [name, keyHash, keyPrefix],
    );
  }

  list(limit: number, offset: number): Promise<[ApiKeyEntity[], number]> {
    return this.keys.findAndCount({
      where: { revokedAt: IsNull() },
      order: { createdAt: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  findActive(id: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOne({ where: { id, revokedAt: IsNull() } });
  }

  async revoke(id: string): Promise<void> {
    await this.keys.update({ id }, { revokedAt: new Date() });
  }
}

export interface AuditFilter {
  actor?: string;
  resource?: string;
}

@Injectable()
export class AuditRepository {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
  ) {}

  async record(event: Omit<AuditEventEntity, 'id' | 'at'>): Promise<void> {
    await this.events.insert(event as never);
  }

  list(filter: AuditFilter, limit: number, offset: number): Promise<[AuditEventEntity[], number]> {
    const where = {
      ...(filter.actor ? { actorName: filter.actor } : {}),
      ...(filter.resource ? { resourceId: filter.resource } : {}),
    };
    return this.events.findAndCount({ where, order: { id: 'DESC' }, take: limit, skip: offset });
  }
}
