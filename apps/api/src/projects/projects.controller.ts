import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint, ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateProject,
  createProjectSchema,
  UpdateProject,
  updateProjectSchema,
} from './projects.dto';
import { ProjectPage, projectPage, ProjectResponse, projectResponse } from './project.response';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('api/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @ApiEndpoint({
    summary: 'Create a project',
    description: "Creates its channel 'default' too.",
    status: 201,
    response: projectResponse,
    errors: [400, 403, 404, 409, 422],
  })
  @ApiJsonBody(createProjectSchema)
  create(
    @Body(new ZodValidationPipe(createProjectSchema)) body: CreateProject,
  ): Promise<ProjectResponse> {
    return this.projects.create(body);
  }

  @Get()
  @ApiEndpoint({ summary: 'List projects', response: projectPage, errors: [400] })
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page): Promise<ProjectPage> {
    return this.projects.list(page.limit, page.offset);
  }

  @Get(':ref')
  @ApiEndpoint({ summary: 'Get a project', response: projectResponse, errors: [404] })
  get(@Param('ref') ref: string): Promise<ProjectResponse> {
    return this.projects.get(ref);
  }

  @Patch(':ref')
  @ApiEndpoint({
    summary: 'Change a project',
    response: projectResponse,
    errors: [400, 403, 404, 409, 422],
  })
  @ApiJsonBody(updateProjectSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateProjectSchema)) body: UpdateProject,
  ): Promise<ProjectResponse> {
    return this.projects.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Delete a project',
    status: 204,
    errors: [403, 404, 409],
  })
  delete(@Param('ref') ref: string): Promise<void> {
    return this.projects.delete(ref);
  }
}
