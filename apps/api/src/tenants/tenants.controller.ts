import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiJsonBody, ApiPaged } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateTenant,
  createTenantSchema,
  TenantQuery,
  tenantQuerySchema,
  UpdateTenant,
  updateTenantSchema,
} from './tenants.dto';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@ApiBearerAuth()
@Controller('api/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @ApiJsonBody(createTenantSchema)
  create(@Body(new ZodValidationPipe(createTenantSchema)) body: CreateTenant) {
    return this.tenants.create(body);
  }

  @Get()
  @ApiPaged()
  @ApiQuery({
    name: 'tag',
    required: false,
    description: "Tenant tag 'group/value'; repeat it: one tag of each group must match",
    schema: { type: 'string' },
  })
  @ApiQuery({
    name: 'project',
    required: false,
    description: 'Only tenants connected to this project (id or slug)',
    schema: { type: 'string' },
  })
  @ApiQuery({
    name: 'include',
    required: false,
    enum: ['connections'],
    description: "'connections' embeds each tenant's projects and environments (`projects`)",
  })
  list(@Query(new ZodValidationPipe(tenantQuerySchema, 'query')) query: TenantQuery) {
    return this.tenants.list(query);
  }

  @Get(':ref')
  get(@Param('ref') ref: string) {
    return this.tenants.get(ref);
  }

  @Patch(':ref')
  @ApiJsonBody(updateTenantSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateTenantSchema)) body: UpdateTenant,
  ) {
    return this.tenants.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  delete(@Param('ref') ref: string) {
    return this.tenants.delete(ref);
  }
}
