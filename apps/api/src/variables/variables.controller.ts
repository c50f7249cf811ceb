import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiJsonBody } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { PutVariables, putVariablesSchema } from './variables.dto';
import { VariablesService } from './variables.service';

@ApiTags('variables')
@ApiBearerAuth()
@Controller('api/projects/:ref/variables')
export class VariablesController {
  constructor(private readonly variables: VariablesService) {}

  @Get()
  list(@Param('ref') project: string) {
    return this.variables.list(project);
  }

  @Put()
  @ApiJsonBody(
    putVariablesSchema,
    'Replaces the whole set. A sensitive item with value null keeps its stored value.',
  )
  replace(
    @Param('ref') project: string,
    @Body(new ZodValidationPipe(putVariablesSchema)) body: PutVariables,
  ) {
    return this.variables.replace(project, body);
  }
}
