import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, RequirePermission } from '../access/actor';
import { ApiEndpoint, ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  BlockRelease,
  blockReleaseSchema,
  CreateRelease,
  createReleaseSchema,
  ProgressionQuery,
  progressionQuerySchema,
} from './releases.dto';
import {
  CreatedReleaseResponse,
  createdReleaseResponse,
  ProgressionPage,
  progressionPage,
  ReleasePage,
  releasePage,
  ReleaseResponse,
  releaseResponse,
} from './release.response';
import { ReleasesService } from './releases.service';

@ApiTags('releases')
@ApiBearerAuth()
@Controller('api')
export class ReleasesController {
  constructor(private readonly releases: ReleasesService) {}

  @Post('projects/:ref/releases')
  @RequirePermission('deploy')
  @ApiEndpoint({
    summary: 'Create a release of a project',
    description:
      'Snapshots the step and the variables; the deployments its lifecycle makes automatic are queued at once.',
    status: 201,
    response: createdReleaseResponse,
    errors: [400, 403, 404, 409, 422],
  })
  @ApiJsonBody(
    createReleaseSchema,
    'Creates a release; its automatic deployments are queued and returned in `deployments`.',
  )
  create(
    @Param('ref') project: string,
    @Body(new ZodValidationPipe(createReleaseSchema)) body: CreateRelease,
    @CurrentActor() actor: Actor,
  ): Promise<CreatedReleaseResponse> {
    return this.releases.create(project, body, actor);
  }

  @Get('projects/:ref/releases')
  @ApiEndpoint({
    summary: "List a project's releases, newest first",
    response: releasePage,
    errors: [400, 404],
  })
  @ApiPaged()
  list(
    @Param('ref') project: string,
    @Query(new ZodValidationPipe(pageSchema, 'query')) page: Page,
  ): Promise<ReleasePage> {
    return this.releases.list(project, page.limit, page.offset);
  }

  @Get('releases/:id')
  @ApiEndpoint({
    summary: 'Get a release with its snapshot and progression',
    response: releaseResponse,
    errors: [404],
  })
  get(@Param('id') id: string): Promise<ReleaseResponse> {
    return this.releases.get(id);
  }

  @Get('releases/:id/progression')
  @ApiEndpoint({
    summary:
      "A page of the release's progression: per environment and tenant, deployed, allowed or blocked",
    description:
      'Each cell also gives what runs there (`live`: the deployment that succeeded last) and the latest attempt with its status (`latest`). `GET /api/releases/:id` shows the first cells and a summary per environment.',
    response: progressionPage,
    errors: [400, 404],
  })
  @ApiPaged()
  @ApiQuery({ name: 'environment', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'status', required: false, enum: ['deployed', 'allowed', 'blocked'] })
  progression(
    @Param('id') id: string,
    @Query(new ZodValidationPipe(progressionQuerySchema, 'query')) query: ProgressionQuery,
  ): Promise<ProgressionPage> {
    return this.releases.progression(id, query);
  }

  @Post('releases/:id/block')
  @HttpCode(200)
  @RequirePermission('deploy')
  @ApiEndpoint({
    summary: 'Block a release',
    description:
      'A blocked release is deployed nowhere further (409 `release_blocked` with the reason) until unblocked; its queued deployments are cancelled, and `promote` with `skipBlocked` passes it over.',
    response: releaseResponse,
    errors: [400, 403, 404],
  })
  @ApiJsonBody(blockReleaseSchema)
  block(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(blockReleaseSchema)) body: BlockRelease,
    @CurrentActor() actor: Actor,
  ): Promise<ReleaseResponse> {
    return this.releases.block(id, body.reason, actor);
  }

  @Post('releases/:id/unblock')
  @HttpCode(200)
  @RequirePermission('deploy')
  @ApiEndpoint({
    summary: 'Unblock a release',
    description: 'It may be deployed and promoted again.',
    response: releaseResponse,
    errors: [403, 404],
  })
  unblock(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<ReleaseResponse> {
    return this.releases.unblock(id, actor);
  }

  @Post('releases/:id/snapshot')
  @HttpCode(200)
  @RequirePermission('deploy')
  @ApiEndpoint({
    summary: "Refresh a release's variable snapshot",
    description: "Takes the project's variables again; the step and the images stay as they were.",
    response: releaseResponse,
    errors: [403, 404],
  })
  refreshSnapshot(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<ReleaseResponse> {
    return this.releases.refreshSnapshot(id, actor);
  }
}
