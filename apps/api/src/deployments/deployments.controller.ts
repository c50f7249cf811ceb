import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DEPLOYMENT_STATUSES } from '@gantry/domain';
import { Actor, CurrentActor, RequirePermission } from '../access/actor';
import { ApiEndpoint, ApiJsonBody, ApiPaged, ApiQueryOf } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  DecideIntervention,
  decideInterventionSchema,
  DeploymentQuery,
  deploymentQuerySchema,
  LogQuery,
  logQuerySchema,
  Promote,
  promoteSchema,
  RequestDeployments,
  requestDeploymentsSchema,
} from './deployments.dto';
import {
  DeploymentLog,
  deploymentLog,
  DeploymentPage,
  deploymentPage,
  DeploymentResponse,
  DeploymentList,
  deploymentList,
  deploymentListOf,
  deploymentPageOf,
  deploymentResponse,
  deploymentResponseSchema,
} from './deployment.response';
import { DeploymentsService } from './deployments.service';

@ApiTags('deployments')
@ApiBearerAuth()
@Controller('api')
export class DeploymentsController {
  constructor(private readonly deployments: DeploymentsService) {}

  @Post('releases/:id/deployments')
  @HttpCode(202)
  @RequirePermission('deploy')
  @ApiEndpoint({
    summary: 'Deploy a release to an environment',
    description:
      'Queues one deployment per chosen tenant (one untenanted deployment for an untenanted project). A deployment behind another on the same stack waits its turn.',
    status: 202,
    response: deploymentPage,
    errors: [400, 403, 404, 409, 422],
  })
  @ApiJsonBody(
    requestDeploymentsSchema,
    'One deployment per chosen tenant (or one untenanted). `force` deploys again where this release is already queued, running or current; it never bypasses the lifecycle.',
  )
  async request(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(requestDeploymentsSchema)) body: RequestDeployments,
    @CurrentActor() actor: Actor,
  ): Promise<DeploymentPage> {
    return deploymentPageOf(await this.deployments.request(id, body, actor));
  }

  @Post('projects/:ref/promote')
  @HttpCode(202)
  @RequirePermission('deploy')
  @ApiEndpoint({
    summary: 'Promote a project from one environment to the next',
    status: 202,
    response: deploymentPage,
    errors: [400, 403, 404, 409, 422],
  })
  @ApiJsonBody(
    promoteSchema,
    'Per tenant (or untenanted), deploys to `to` the release whose deployment last succeeded in `from`.',
  )
  async promote(
    @Param('ref') project: string,
    @Body(new ZodValidationPipe(promoteSchema)) body: Promote,
    @CurrentActor() actor: Actor,
  ): Promise<DeploymentPage> {
    return deploymentPageOf(await this.deployments.promote(project, body, actor));
  }

  @Get('deployments')
  @ApiEndpoint({
    summary: 'List deployments, newest first',
    description:
      'Page with `?after=<next>`: each response gives `next`, the cursor of the following page (null on the last). `total` is counted on offset pages; on cursor pages only with `?count=true` (`?count=false` skips it anywhere). `offset` still skips rows, after the cursor when both are given.',
    response: deploymentList,
    errors: [400, 404],
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
    description:
      'Count every matching deployment into `total`: by default on offset pages, not on cursor (`after`) pages',
    schema: { type: 'boolean' },
  })
  @ApiQuery({ name: 'project', required: false })
  @ApiQuery({ name: 'environment', required: false })
  @ApiQuery({ name: 'tenant', required: false })
  @ApiQuery({
    name: 'release',
    required: false,
    description: "A release's id: its deployments (404 when no release has it)",
    schema: { type: 'string' },
  })
  @ApiQuery({
    name: 'status',
    required: false,
    enum: [...DEPLOYMENT_STATUSES],
  })
  async list(
    @Query(new ZodValidationPipe(deploymentQuerySchema, 'query')) query: DeploymentQuery,
  ): Promise<DeploymentList> {
    return deploymentListOf(await this.deployments.list(query));
  }

  @Get('deployments/:id')
  @ApiEndpoint({
    summary: 'Get a deployment',
    response: deploymentResponseSchema,
    errors: [404],
  })
  async get(@Param('id') id: string): Promise<DeploymentResponse> {
    return deploymentResponse(await this.deployments.get(id));
  }

  @Get('deployments/:id/log')
  @ApiEndpoint({
    summary: "Read a deployment's log, oldest first",
    response: deploymentLog,
    errors: [400, 404],
  })
  @ApiQueryOf(logQuerySchema)
  log(
    @Param('id') id: string,
    @Query(new ZodValidationPipe(logQuerySchema, 'query')) query: LogQuery,
  ): Promise<DeploymentLog> {
    return this.deployments.log(id, query);
  }

  @Post('deployments/:id/interventions/:step')
  @HttpCode(200)
  @RequirePermission('read')
  @ApiEndpoint({
    summary: 'Approve or reject a manual intervention',
    description:
      'Decides the manual intervention step the deployment waits on. Admins always may; deployers when the step names their role or their key (and their project and environment limits cover the deployment); a viewer never. With `preventSelfApproval`, the key that started the deployment may reject but not approve (403 `self-approval`). An approval continues the process with the next step; a rejection fails the deployment, naming the step, who and the note. 409 when the deployment is not waiting on this step or it was already decided. Audited.',
    response: deploymentResponseSchema,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(decideInterventionSchema, '`approve` or `reject`, with an optional note.')
  async decide(
    @Param('id') id: string,
    @Param('step') step: string,
    @Body(new ZodValidationPipe(decideInterventionSchema)) body: DecideIntervention,
    @CurrentActor() actor: Actor,
  ): Promise<DeploymentResponse> {
    return deploymentResponse(await this.deployments.decide(id, step, body, actor));
  }

  @Post('deployments/:id/cancel')
  @HttpCode(202)
  @RequirePermission('deploy')
  @ApiEndpoint({
    summary: 'Cancel a deployment',
    description:
      'A queued deployment is cancelled at once; a running one is asked to stop (CancelUpdateStack). A finished one is a 409.',
    status: 202,
    response: deploymentResponseSchema,
    errors: [403, 404, 409],
  })
  async cancel(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<DeploymentResponse> {
    return deploymentResponse(await this.deployments.cancel(id, actor));
  }
}
