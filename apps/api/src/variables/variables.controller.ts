import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint, ApiJsonBody } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { PutVariables, putVariablesSchema } from './variables.dto';
import { VariableList, variableList } from './variable.response';
import { VariablesService } from './variables.service';

@ApiTags('variables')
@ApiBearerAuth()
@Controller('api/projects/:ref/variables')
export class VariablesController {
  constructor(private readonly variables: VariablesService) {}

  @Get()
  @ApiEndpoint({
    summary: "Read a project's variables",
    description: 'Sensitive values come back as null; scopes name slugs.',
    response: variableList,
    errors: [404],
  })
  list(@Param('ref') project: string): Promise<VariableList> {
    return this.variables.list(project);
  }

  @Put()
  @ApiEndpoint({
    summary: "Replace a project's variables",
    response: variableList,
    errors: [400, 403, 404],
  })
  @ApiJsonBody(
    putVariablesSchema,
    'Replaces the whole set. A sensitive item with value null keeps its stored value.',
  )
  replace(
    @Param('ref') project: string,
    @Body(new ZodValidationPipe(putVariablesSchema)) body: PutVariables,
  ): Promise<VariableList> {
    return this.variables.replace(project, body);
  }
}
