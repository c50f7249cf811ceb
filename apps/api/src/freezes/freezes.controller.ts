import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { CreateFreeze, createFreezeSchema, UpdateFreeze, updateFreezeSchema } from './freezes.dto';
import { FreezesService } from './freezes.service';

/** Deployment freezes: admins write them, any key reads them. */
@ApiTags('freezes')
@ApiBearerAuth()
@Controller('api/freezes')
export class FreezesController {
  constructor(private readonly freezes: FreezesService) {}

  @Post()
  @ApiOperation({ summary: 'Creates a deployment freeze (admin)' })
  @ApiJsonBody(
    createFreezeSchema,
    'A one-off window (`start` and `end`) or a recurring one (`recurrence`), over projects, environments and tenants (empty lists: all).',
  )
  create(@Body(new ZodValidationPipe(createFreezeSchema)) body: CreateFreeze) {
    return this.freezes.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Lists freezes, each with `activeUntil` when it holds now' })
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page) {
    return this.freezes.list(page.limit, page.offset);
  }

  @Get(':ref')
  get(@Param('ref') ref: string) {
    return this.freezes.get(ref);
  }

  @Patch(':ref')
  @ApiJsonBody(updateFreezeSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateFreezeSchema)) body: UpdateFreeze,
  ) {
    return this.freezes.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  delete(@Param('ref') ref: string) {
    return this.freezes.delete(ref);
  }
}
