import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS_CONNECTION } from '@gantry/queue';
import { Public } from '../access/actor';
import { schemaRef } from '../http/api-schemas';
import { ApiEndpoint } from '../http/openapi';
import {
  LivenessResponse,
  livenessResponse,
  ReadinessResponse,
  readinessResponse,
} from './health.response';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
  ) {}

  @Get('live')
  @HttpCode(200)
  @ApiEndpoint({ summary: 'Liveness: the process answers', response: livenessResponse })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  /** Ready when PostgreSQL and Redis both answer; 503 names the one that does not (no addresses). */
  @Get('ready')
  @ApiEndpoint({
    summary: 'Readiness: PostgreSQL and Redis answer',
    response: readinessResponse,
  })
  @ApiResponse({
    status: 503,
    description: 'PostgreSQL or Redis does not answer; `checks` names which',
    content: { 'application/json': { schema: schemaRef(readinessResponse) } },
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessResponse> {
    const [postgres, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.redis.ping()),
    ]);
    const ok = postgres === 'up' && redis === 'up';
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }
}

async function check(probe: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await withTimeout(probe(), 2000);
    return 'up';
  } catch {
    return 'down';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);
}
