import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint, ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { FreezePage, freezePage, FreezeResponse, freezeResponse } from './freeze.response';
import { CreateFreeze, createFreezeSchema, UpdateFreeze, updateFreezeSchema } from './freezes.dto';
import { FreezesService } from './freezes.service';

/** Deployment freezes: admins write them, any key reads them. */
@ApiTags('freezes')
@ApiBearerAuth()
@Controller('api/freezes')
export class FreezesController {
  constructor(private readonly freezes: FreezesService) {}

  @Post()
  @ApiEndpoint({
    summary: 'Create a deployment freeze (admin)',
    description:
      'While it holds, a deployment asked for into its scope is refused with 409 `frozen` (an admin may override with a reason) and automatic deployments wait queued until it ends.',
    status: 201,
    response: freezeResponse,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(
    createFreezeSchema,
    'A one-off window (`start` and `end`) or a recurring one (`recurrence`), over projects, environments and tenants (empty lists: all).',
  )
  create(
    @Body(new ZodValidationPipe(createFreezeSchema)) body: CreateFreeze,
  ): Promise<FreezeResponse> {
    return this.freezes.create(body);
  }

  @Get()
  @ApiEndpoint({
    summary: 'List freezes',
    description: 'Each says whether it holds now (`active`) and until when (`activeUntil`).',
    response: freezePage,
    errors: [400],
  })
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page): Promise<FreezePage> {
    return this.freezes.list(page.limit, page.offset);
  }

  @Get(':ref')
  @ApiEndpoint({ summary: 'Get a freeze', response: freezeResponse, errors: [404] })
  get(@Param('ref') ref: string): Promise<FreezeResponse> {
    return this.freezes.get(ref);
  }

  @Patch(':ref')
  @ApiEndpoint({
    summary: 'Change a freeze (admin)',
    response: freezeResponse,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(updateFreezeSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateFreezeSchema)) body: UpdateFreeze,
  ): Promise<FreezeResponse> {
    return this.freezes.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Delete a freeze (admin)',
    status: 204,
    errors: [403, 404],
  })
  delete(@Param('ref') ref: string): Promise<void> {
    return this.freezes.delete(ref);
  }
}
