import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint, ApiJsonBody, ApiPaged } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateTarget,
  createTargetSchema,
  TargetQuery,
  targetQuerySchema,
  UpdateTarget,
  updateTargetSchema,
} from './targets.dto';
import { TargetPage, targetPage, TargetResponse, targetResponseSchema } from './target.response';
import { TargetsService } from './targets.service';

@ApiTags('targets')
@ApiBearerAuth()
@Controller('api/targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Post()
  @ApiEndpoint({
    summary: 'Create an ECS cluster target',
    description:
      'For a sandbox target, Gantry creates the cluster in the sandbox when it is missing.',
    status: 201,
    response: targetResponseSchema,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(
    createTargetSchema,
    'An ECS cluster target. credentials.secretAccessKey is write-only.',
  )
  create(
    @Body(new ZodValidationPipe(createTargetSchema)) body: CreateTarget,
  ): Promise<TargetResponse> {
    return this.targets.create(body);
  }

  @Get()
  @ApiEndpoint({ summary: 'List targets', response: targetPage, errors: [400, 404] })
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
  list(
    @Query(new ZodValidationPipe(targetQuerySchema, 'query')) query: TargetQuery,
  ): Promise<TargetPage> {
    return this.targets.list(query);
  }

  @Get(':ref')
  @ApiEndpoint({ summary: 'Get a target', response: targetResponseSchema, errors: [404] })
  get(@Param('ref') ref: string): Promise<TargetResponse> {
    return this.targets.get(ref);
  }

  @Patch(':ref')
  @ApiEndpoint({
    summary: 'Change a target',
    response: targetResponseSchema,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(
    updateTargetSchema,
    'Credentials sent replace the stored ones; keys sent without a secret keep the stored secret.',
  )
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateTargetSchema)) body: UpdateTarget,
  ): Promise<TargetResponse> {
    return this.targets.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Delete a target',
    description: 'Refused (409) while a deployment uses it.',
    status: 204,
    errors: [403, 404, 409],
  })
  delete(@Param('ref') ref: string): Promise<void> {
    return this.targets.delete(ref);
  }
}
