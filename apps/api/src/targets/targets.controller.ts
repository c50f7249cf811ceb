import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiJsonBody, ApiPaged } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateTarget,
  createTargetSchema,
  TargetQuery,
  targetQuerySchema,
  UpdateTarget,
  updateTargetSchema,
} from './targets.dto';
import { TargetsService } from './targets.service';

@ApiTags('targets')
@ApiBearerAuth()
@Controller('api/targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Post()
  @ApiJsonBody(
    createTargetSchema,
    'An ECS cluster target. credentials.secretAccessKey is write-only.',
  )
  create(@Body(new ZodValidationPipe(createTargetSchema)) body: CreateTarget) {
    return this.targets.create(body);
  }

  @Get()
  @ApiPaged()
  @ApiQuery({
    name: 'environment',
    required: false,
    description: 'Only targets in this environment (id or slug)',
    schema: { type: 'string' },
  })
  @ApiQuery({
    name: 'tag',
    required: false,
    description: 'Only targets carrying this tag; repeat it for any of several',
    schema: { type: 'string' },
  })
  list(@Query(new ZodValidationPipe(targetQuerySchema, 'query')) query: TargetQuery) {
    return this.targets.list(query);
  }

  @Get(':ref')
  get(@Param('ref') ref: string) {
    return this.targets.get(ref);
  }

  @Patch(':ref')
  @ApiJsonBody(
    updateTargetSchema,
    'Credentials sent replace the stored ones; keys sent without a secret keep the stored secret.',
  )
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateTargetSchema)) body: UpdateTarget,
  ) {
    return this.targets.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  delete(@Param('ref') ref: string) {
    return this.targets.delete(ref);
  }
}
