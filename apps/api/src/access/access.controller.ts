import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiJsonBody, ApiPaged, ApiQueryOf } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { RequirePermission } from './actor';
import { AccessService } from './access.service';
import { auditQuerySchema, createApiKeySchema } from './api-keys.dto';

@ApiTags('access')
@ApiBearerAuth()
@Controller('api')
export class AccessController {
  constructor(private readonly access: AccessService) {}

  @Post('api-keys')
  @ApiJsonBody(createApiKeySchema, 'The secret key is returned once, in this response.')
  create(
    @Body(new ZodValidationPipe(createApiKeySchema)) body: z.infer<typeof createApiKeySchema>,
  ) {
    return this.access.create(body);
  }

  @Get('api-keys')
  @RequirePermission('admin')
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page) {
    return this.access.list(page.limit, page.offset);
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  revoke(@Param('id') id: string) {
    return this.access.revoke(id);
  }

  @Get('audit')
  @RequirePermission('admin')
  @ApiQueryOf(auditQuerySchema)
  audit(
    @Query(new ZodValidationPipe(auditQuerySchema, 'query'))
    query: z.infer<typeof auditQuerySchema>,
  ) {
    return this.access.auditLog(query);
  }
}
