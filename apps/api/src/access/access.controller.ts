import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiEndpoint, ApiJsonBody, ApiPaged, ApiQueryOf } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { Actor, CurrentActor, RequirePermission } from './actor';
import {
  ApiKeyPage,
  apiKeyPage,
  AuditPage,
  auditPage,
  CreatedApiKeyResponse,
  createdApiKeyResponse,
  CurrentKeyResponse,
  currentKeyResponse,
} from './access.response';
import { AccessService } from './access.service';
import { auditQuerySchema, createApiKeySchema } from './api-keys.dto';

@ApiTags('access')
@ApiBearerAuth()
@Controller('api')
export class AccessController {
  constructor(private readonly access: AccessService) {}

  @Post('api-keys')
  @ApiEndpoint({
    summary: 'Create an API key',
    description: 'The secret key is in this response only; Gantry keeps a hash of it.',
    status: 201,
    response: createdApiKeyResponse,
    errors: [400, 403, 404],
  })
  @ApiJsonBody(createApiKeySchema, 'The secret key is returned once, in this response.')
  create(
    @Body(new ZodValidationPipe(createApiKeySchema)) body: z.infer<typeof createApiKeySchema>,
  ): Promise<CreatedApiKeyResponse> {
    return this.access.create(body);
  }

  @Get('whoami')
  @ApiEndpoint({
    summary: 'The API key making this request: its name, role and limits',
    description:
      'Any valid key may ask. The console shows only what the key may do: viewers read, deployers also deploy (within `environments` and `projects` when those are not empty), admins do everything.',
    response: currentKeyResponse,
  })
  whoami(@CurrentActor() actor: Actor): CurrentKeyResponse {
    return {
      id: actor.keyId,
      name: actor.name,
      role: actor.role,
      environments: actor.environments,
      projects: actor.projects,
    };
  }

  @Get('api-keys')
  @RequirePermission('admin')
  @ApiEndpoint({ summary: 'List the active API keys', response: apiKeyPage, errors: [400, 403] })
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page): Promise<ApiKeyPage> {
    return this.access.list(page.limit, page.offset);
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  @ApiEndpoint({ summary: 'Revoke an API key', status: 204, errors: [403, 404] })
  revoke(@Param('id') id: string): Promise<void> {
    return this.access.revoke(id);
  }

  @Get('audit')
  @RequirePermission('admin')
  @ApiEndpoint({
    summary: 'Read the audit log, newest first',
    description: 'Every change made through the API: who, what, when and how it ended.',
    response: auditPage,
    errors: [400, 403],
  })
  @ApiQueryOf(auditQuerySchema)
  audit(
    @Query(new ZodValidationPipe(auditQuerySchema, 'query'))
    query: z.infer<typeof auditQuerySchema>,
  ): Promise<AuditPage> {
    return this.access.auditLog(query);
  }
}
