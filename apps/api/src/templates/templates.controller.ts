import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiQueryOf } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
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
  @ApiProduces('application/json', 'application/yaml')
  @ApiQueryOf(releaseTemplateQuery)
  async release(
    @Param('id') id: string,
    @Query(new ZodValidationPipe(releaseTemplateQuery, 'query')) query: ReleaseTemplateQuery,
    @Res() response: Response,
  ) {
    send(response, await this.templates.releaseTemplate(id, query));
  }

  @Get('projects/:ref/cloudformation')
  @ApiProduces('application/json', 'application/yaml')
  @ApiQueryOf(projectTemplateQuery)
  async project(
    @Param('ref') ref: string,
    @Query(new ZodValidationPipe(projectTemplateQuery, 'query')) query: ProjectTemplateQuery,
    @Res() response: Response,
  ) {
    send(response, await this.templates.projectTemplate(ref, query));
  }
}

function send(response: Response, document: TemplateDocument): void {
  response.setHeader('ETag', `"${document.hash}"`);
  response.type(document.contentType).send(document.body);
}
