import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, RequirePermission } from '../access/actor';
import { ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  BlockRelease,
  blockReleaseSchema,
  CreateRelease,
  createReleaseSchema,
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

  @Post('releases/:id/block')
  @HttpCode(200)
  @RequirePermission('deploy')
  @ApiOperation({
    summary:
      'Blocks a release: it is deployed nowhere further (409 with the reason) until unblocked',
  })
  @ApiJsonBody(blockReleaseSchema)
  block(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(blockReleaseSchema)) body: BlockRelease,
    @CurrentActor() actor: Actor,
  ) {
    return this.releases.block(id, body.reason, actor);
  }

  @Post('releases/:id/unblock')
  @HttpCode(200)
  @RequirePermission('deploy')
  @ApiOperation({ summary: 'Unblocks a release' })
  unblock(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.releases.unblock(id, actor);
  }

  @Post('releases/:id/snapshot')
  @HttpCode(200)
  @RequirePermission('deploy')
  refreshSnapshot(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.releases.refreshSnapshot(id, actor);
  }
}
