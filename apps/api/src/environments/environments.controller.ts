import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint, ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateEnvironment,
  createEnvironmentSchema,
  UpdateEnvironment,
  updateEnvironmentSchema,
} from './environments.dto';
import {
  EnvironmentPage,
  environmentPage,
  EnvironmentResponse,
  environmentResponse,
} from './environment.response';
import { EnvironmentsService } from './environments.service';

@ApiTags('environments')
@ApiBearerAuth()
@Controller('api/environments')
export class EnvironmentsController {
  constructor(private readonly environments: EnvironmentsService) {}

  @Post()
  @ApiEndpoint({
    summary: 'Create an environment',
    status: 201,
    response: environmentResponse,
    errors: [400, 403, 409],
  })
  @ApiJsonBody(createEnvironmentSchema)
  create(
    @Body(new ZodValidationPipe(createEnvironmentSchema)) body: CreateEnvironment,
  ): Promise<EnvironmentResponse> {
    return this.environments.create(body);
  }

  @Get()
  @ApiEndpoint({
    summary: 'List environments, in dashboard order',
    response: environmentPage,
    errors: [400],
  })
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page): Promise<EnvironmentPage> {
    return this.environments.list(page.limit, page.offset);
  }

  @Get(':ref')
  @ApiEndpoint({ summary: 'Get an environment', response: environmentResponse, errors: [404] })
  get(@Param('ref') ref: string): Promise<EnvironmentResponse> {
    return this.environments.get(ref);
  }

  @Patch(':ref')
  @ApiEndpoint({
    summary: 'Change an environment',
    response: environmentResponse,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(updateEnvironmentSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateEnvironmentSchema)) body: UpdateEnvironment,
  ): Promise<EnvironmentResponse> {
    return this.environments.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Delete an environment',
    description: 'Refused (409) while a lifecycle, target or deployment uses it.',
    status: 204,
    errors: [403, 404, 409],
  })
  delete(@Param('ref') ref: string): Promise<void> {
    return this.environments.delete(ref);
  }
}
