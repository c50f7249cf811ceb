import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateLifecycle,
  createLifecycleSchema,
  UpdateLifecycle,
  updateLifecycleSchema,
} from './lifecycles.dto';
import { LifecyclesService } from './lifecycles.service';

@ApiTags('lifecycles')
@ApiBearerAuth()
@Controller('api/lifecycles')
export class LifecyclesController {
  constructor(private readonly lifecycles: LifecyclesService) {}

  @Post()
  @ApiJsonBody(createLifecycleSchema)
  create(@Body(new ZodValidationPipe(createLifecycleSchema)) body: CreateLifecycle) {
    return this.lifecycles.create(body);
  }

  @Get()
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page) {
    return this.lifecycles.list(page.limit, page.offset);
  }

  @Get(':ref')
  get(@Param('ref') ref: string) {
    return this.lifecycles.get(ref);
  }

  @Patch(':ref')
  @ApiJsonBody(updateLifecycleSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateLifecycleSchema)) body: UpdateLifecycle,
  ) {
    return this.lifecycles.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  delete(@Param('ref') ref: string) {
    return this.lifecycles.delete(ref);
  }
}
