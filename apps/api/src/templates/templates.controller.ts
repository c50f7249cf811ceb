import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiEndpoint, ApiQueryOf } from '../http/openapi';
import { templateContent } from './template.response';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { CurrentActor, RequirePermission, type Actor } from '../access/actor';
import { releaseDiffResponse } from './release-diff.response';
import {
  ReleaseDiffQuery,
  releaseDiffQuery,
  ProjectTemplateQuery,
  projectTemplateQuery,
  ReleaseTemplateQuery,
  releaseTemplateQuery,
} from './templates.dto';
import { TemplateDocument, TemplatesService } from './templates.service';

@ApiTags('templates')
@ApiBearerAuth()
@Controller('api')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get('releases/:id/template')
  @ApiEndpoint({
    summary: 'Export the template a deployment of a release would send',
    description:
      'The exact CloudFormation template for one environment (and tenant, and target); sensitive values are NoEcho parameters.',
    response: templateContent,
    errors: [400, 404, 422],
  })
  @ApiQueryOf(releaseTemplateQuery)
  async release(
    @Param('id') id: string,
    @Query(new ZodValidationPipe(releaseTemplateQuery, 'query')) query: ReleaseTemplateQuery,
    @Res() response: Response,
  ) {
    send(response, await this.templates.releaseTemplate(id, query));
  }

  @Post('releases/:id/diff')
  @HttpCode(200)
  @RequirePermission('deploy')
  @ApiEndpoint({
    summary: 'Preview what deploying a release would change',
    description:
      'Creates a change set for the release in one environment (and tenant, and target), reads its property-level changes (path, before, after: image tags, environment variables, …) and deletes it; nothing is deployed. A stack that does not exist yet is not created: every resource is listed as Add. NoEcho values read `****`.',
    response: releaseDiffResponse,
    errors: [400, 404, 409, 422],
  })
  @ApiQueryOf(releaseDiffQuery)
  diff(
    @Param('id') id: string,
    @Query(new ZodValidationPipe(releaseDiffQuery, 'query')) query: ReleaseDiffQuery,
    @CurrentActor() actor: Actor,
  ) {
    return this.templates.releaseDiff(id, query, actor);
  }

  @Get('projects/:ref/cloudformation')
  @ApiEndpoint({
    summary: "Export a project's step as a standalone template",
    description:
      'Image tags and every variable become Parameters: deployable with `aws cloudformation deploy` and no Gantry.',
    response: templateContent,
    errors: [400, 404, 422],
  })
  @ApiQueryOf(projectTemplateQuery)
  async project(
    @Param('ref') ref: string,
    @Query(new ZodValidationPipe(projectTemplateQuery, 'query')) query: ProjectTemplateQuery,
    @Res() response: Response,
  ) {
    send(response, await this.templates.projectTemplate(ref, query));
  }

  @Get('projects/:ref/steps/:step/cloudformation')
  @ApiEndpoint({
    summary: "Export one step of a project's process as a standalone template",
    description:
      'As GET /api/projects/{ref}/cloudformation, for the named step of a process of several.',
    response: templateContent,
    errors: [400, 404, 422],
  })
  @ApiQueryOf(projectTemplateQuery)
  async projectStep(
    @Param('ref') ref: string,
    @Param('step') step: string,
    @Query(new ZodValidationPipe(projectTemplateQuery, 'query')) query: ProjectTemplateQuery,
    @Res() response: Response,
  ) {
    send(response, await this.templates.projectTemplate(ref, query, step));
  }
}

function send(response: Response, document: TemplateDocument): void {
  response.setHeader('ETag', `"${document.hash}"`);
  response.type(document.contentType).send(document.body);
}
