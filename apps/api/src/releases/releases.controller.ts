import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, RequirePermission } from '../access/actor';
import { ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateRelease,
  createReleaseSchema,
  ProgressionQuery,
  progressionQuerySchema,
} from './releases.dto';
import { ReleasesService } from './releases.service';

@ApiTags('releases')
@ApiBearerAuth()
@Controller('api')
export class ReleasesController {
  constructor(private readonly releases: ReleasesService) {}

  @Post('projects/:ref/releases')
  @RequirePermission('deploy')
  @ApiJsonBody(
    createReleaseSchema,
    'Creates a release; its automatic deployments are queued and returned in `deployments`.',
  )
  create(
    @Param('ref') project: string,
    @Body(new ZodValidationPipe(createReleaseSchema)) body: CreateRelease,
    @CurrentActor() actor: Actor,
  ) {
    return this.releases.create(project, body, actor);
  }

  @Get('projects/:ref/releases')
  @ApiPaged()
  list(
    @Param('ref') project: string,
    @Query(new ZodValidationPipe(pageSchema, 'query')) page: Page,
  ) {
    return this.releases.list(project, page.limit, page.offset);
  }

  @Get('releases/:id')
  get(@Param('id') id: string) {
    return this.releases.get(id);
  }

  @Get('releases/:id/progression')
  @ApiOperation({
    summary:
      "A page of the release's progression: per environment and tenant, deployed, allowed or blocked",
    description:
      'Each cell also gives what runs there (`live`: the deployment that succeeded last) and the latest attempt with its status (`latest`). `GET /api/releases/:id` shows the first cells and a summary per environment.',
  })
  @ApiPaged()
  @ApiQuery({ name: 'environment', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'status', required: false, enum: ['deployed', 'allowed', 'blocked'] })
  progression(
    @Param('id') id: string,
    @Query(new ZodValidationPipe(progressionQuerySchema, 'query')) query: ProgressionQuery,
  ) {
    return this.releases.progression(id, query);
  }

  @Post('releases/:id/snapshot')
  @HttpCode(200)
  @RequirePermission('deploy')
  refreshSnapshot(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.releases.refreshSnapshot(id, actor);
  }
}
