import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint, ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateLifecycle,
  createLifecycleSchema,
  UpdateLifecycle,
  updateLifecycleSchema,
} from './lifecycles.dto';
import {
  LifecyclePage,
  lifecyclePage,
  LifecycleResponse,
  lifecycleResponse,
} from './lifecycle.response';
import { LifecyclesService } from './lifecycles.service';

@ApiTags('lifecycles')
@ApiBearerAuth()
@Controller('api/lifecycles')
export class LifecyclesController {
  constructor(private readonly lifecycles: LifecyclesService) {}

  @Post()
  @ApiEndpoint({
    summary: 'Create a lifecycle',
    status: 201,
    response: lifecycleResponse,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(createLifecycleSchema)
  create(
    @Body(new ZodValidationPipe(createLifecycleSchema)) body: CreateLifecycle,
  ): Promise<LifecycleResponse> {
    return this.lifecycles.create(body);
  }

  @Get()
  @ApiEndpoint({ summary: 'List lifecycles', response: lifecyclePage, errors: [400] })
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page): Promise<LifecyclePage> {
    return this.lifecycles.list(page.limit, page.offset);
  }

  @Get(':ref')
  @ApiEndpoint({ summary: 'Get a lifecycle', response: lifecycleResponse, errors: [404] })
  get(@Param('ref') ref: string): Promise<LifecycleResponse> {
    return this.lifecycles.get(ref);
  }

  @Patch(':ref')
  @ApiEndpoint({
    summary: 'Change a lifecycle',
    response: lifecycleResponse,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(updateLifecycleSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateLifecycleSchema)) body: UpdateLifecycle,
  ): Promise<LifecycleResponse> {
    return this.lifecycles.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Delete a lifecycle',
    description: 'Refused (409) while a project or channel uses it.',
    status: 204,
    errors: [403, 404, 409],
  })
  delete(@Param('ref') ref: string): Promise<void> {
    return this.lifecycles.delete(ref);
  }
}
