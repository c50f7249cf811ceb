import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, RequirePermission } from '../access/actor';
import { ApiJsonBody, ApiPaged } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  DeploymentQuery,
  deploymentQuerySchema,
  LogQuery,
  logQuerySchema,
  Promote,
  promoteSchema,
  RequestDeployments,
  requestDeploymentsSchema,
} from './deployments.dto';
import { DeploymentsService } from './deployments.service';

@ApiTags('deployments')
@ApiBearerAuth()
@Controller('api')
export class DeploymentsController {
  constructor(private readonly deployments: DeploymentsService) {}

  @Post('releases/:id/deployments')
  @HttpCode(202)
  @RequirePermission('deploy')
  @ApiJsonBody(
    requestDeploymentsSchema,
    'One deployment per chosen tenant (or one untenanted). `force` deploys again where this release is already queued, running or current; it never bypasses the lifecycle.',
  )
  request(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(requestDeploymentsSchema)) body: RequestDeployments,
    @CurrentActor() actor: Actor,
  ) {
    return this.deployments.request(id, body, actor);
  }

  @Post('projects/:ref/promote')
  @HttpCode(202)
  @RequirePermission('deploy')
  @ApiJsonBody(
    promoteSchema,
    'Per tenant (or untenanted), deploys to `to` the release whose deployment last succeeded in `from`.',
  )
  promote(
    @Param('ref') project: string,
    @Body(new ZodValidationPipe(promoteSchema)) body: Promote,
    @CurrentActor() actor: Actor,
  ) {
    return this.deployments.promote(project, body, actor);
  }

  @Get('deployments')
  @ApiOperation({
    summary: 'Deployments, newest first',
    description:
      'Page with `?after=<next>`: each response gives `next`, the cursor of the following page (null on the last). `total` is counted only with `?count=true`. `offset` still skips rows, after the cursor when both are given.',
  })
  @ApiPaged()
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'The `next` of the previous page',
    schema: { type: 'string' },
  })
  @ApiQuery({
    name: 'count',
    required: false,
    description: 'Also count every matching deployment into `total`',
    schema: { type: 'boolean', default: false },
  })
  @ApiQuery({ name: 'project', required: false })
  @ApiQuery({ name: 'environment', required: false })
  @ApiQuery({ name: 'tenant', required: false })
  @ApiQuery({
    name: 'status',
    required: false,
    enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'],
  })
  list(@Query(new ZodValidationPipe(deploymentQuerySchema, 'query')) query: DeploymentQuery) {
    return this.deployments.list(query);
  }

  @Get('deployments/:id')
  get(@Param('id') id: string) {
    return this.deployments.get(id);
  }

  @Get('deployments/:id/log')
  @ApiQuery({ name: 'after', required: false, description: 'Only lines with a greater seq' })
  log(
    @Param('id') id: string,
    @Query(new ZodValidationPipe(logQuerySchema, 'query')) query: LogQuery,
  ) {
    return this.deployments.log(id, query);
  }

  @Post('deployments/:id/cancel')
  @HttpCode(202)
  @RequirePermission('deploy')
  cancel(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.deployments.cancel(id, actor);
  }
}
