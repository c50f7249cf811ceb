import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateProject,
  createProjectSchema,
  UpdateProject,
  updateProjectSchema,
} from './projects.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('api/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @ApiJsonBody(createProjectSchema)
  create(@Body(new ZodValidationPipe(createProjectSchema)) body: CreateProject) {
    return this.projects.create(body);
  }

  @Get()
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page) {
    return this.projects.list(page.limit, page.offset);
  }

  @Get(':ref')
  get(@Param('ref') ref: string) {
    return this.projects.get(ref);
  }

  @Patch(':ref')
  @ApiJsonBody(updateProjectSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateProjectSchema)) body: UpdateProject,
  ) {
    return this.projects.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  delete(@Param('ref') ref: string) {
    return this.projects.delete(ref);
  }
}
