import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { z } from 'zod';
import { GANTRY_CONFIG, GantryConfig, MASTER_KEY } from '@gantry/config';
import { notFound } from '@gantry/domain';
import {
  ApiKeyEntity,
  ApiKeysRepository,
  AuditRepository,
  EnvironmentsRepository,
} from '@gantry/persistence';
import { ProjectsRepository } from '@gantry/persistence';
import { auditQuerySchema, createApiKeySchema } from './api-keys.dto';
import { generateApiKey, hashApiKey, keyPrefix, legacyHashApiKey } from './api-key-secret';

@Injectable()
export class AccessService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Access');

  constructor(
    @Inject(GANTRY_CONFIG) private readonly config: GantryConfig,
    @Inject(MASTER_KEY) private readonly masterKey: Buffer,
    private readonly keys: ApiKeysRepository,
    private readonly audit: AuditRepository,
    private readonly environments: EnvironmentsRepository,
    private readonly projects: ProjectsRepository,
  ) {}

  /** The key from GANTRY_BOOTSTRAP_API_KEY exists as an admin key from start. */
  async onApplicationBootstrap(): Promise<void> {
    const key = this.config.GANTRY_BOOTSTRAP_API_KEY;
    if (!key) return;
    await this.keys.ensureAdmin(
      'bootstrap',
      hashApiKey(key, this.masterKey),
      legacyHashApiKey(key),
      keyPrefix(key),
    );
    this.logger.log('Bootstrap admin API key is active');
  }

  async create(input: z.infer<typeof createApiKeySchema>) {
    const environments = await this.environments.getMany(input.environments, 'environments');
    const projects = await this.projects.getMany(input.projects, 'projects');
    const key = generateApiKey();
    const saved = await this.keys.create({
      name: input.name,
      role: input.role,
      keyHash: hashApiKey(key, this.masterKey),
      keyPrefix: keyPrefix(key),
      environments: environments.map((environment) => environment.id),
      projects: projects.map((project) => project.id),
    });
    return { ...present(saved), key };
  }

  async list(limit: number, offset: number) {
    const [items, total] = await this.keys.list(limit, offset);
    return { items: items.map(present), total };
  }

  async revoke(id: string): Promise<void> {
    const key = /^[0-9a-f-]{36}$/i.test(id) ? await this.keys.findActive(id) : null;
    if (!key) throw notFound('API key', id);
    await this.keys.revoke(id);
  }

  async auditLog(query: z.infer<typeof auditQuerySchema>) {
    const [items, total] = await this.audit.list(query, query.limit, query.offset);
    return { items, total };
  }
}

function present(key: ApiKeyEntity) {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    keyPrefix: key.keyPrefix || null,
    environments: key.environments,
    projects: key.projects,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
  };
}
