import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateEnvironment,
  createEnvironmentSchema,
  UpdateEnvironment,
  updateEnvironmentSchema,
} from './environments.dto';
import { EnvironmentsService } from './environments.service';

@ApiTags('environments')
@ApiBearerAuth()
@Controller('api/environments')
export class EnvironmentsController {
  constructor(private readonly environments: EnvironmentsService) {}

  @Post()
  @ApiJsonBody(createEnvironmentSchema)
  create(@Body(new ZodValidationPipe(createEnvironmentSchema)) body: CreateEnvironment) {
    return this.environments.create(body);
  }

  @Get()
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page) {
    return this.environments.list(page.limit, page.offset);
  }

  @Get(':ref')
  get(@Param('ref') ref: string) {
    return this.environments.get(ref);
  }

  @Patch(':ref')
  @ApiJsonBody(updateEnvironmentSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateEnvironmentSchema)) body: UpdateEnvironment,
  ) {
    return this.environments.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  delete(@Param('ref') ref: string) {
    return this.environments.delete(ref);
  }
}
