import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint, ApiJsonBody, ApiPaged } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateTenant,
  createTenantSchema,
  TenantQuery,
  tenantQuerySchema,
  UpdateTenant,
  updateTenantSchema,
} from './tenants.dto';
import { TenantPage, tenantPage, TenantResponse, tenantResponse } from './tenant.response';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@ApiBearerAuth()
@Controller('api/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @ApiEndpoint({
    summary: 'Create a tenant',
    status: 201,
    response: tenantResponse,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(createTenantSchema)
  create(
    @Body(new ZodValidationPipe(createTenantSchema)) body: CreateTenant,
  ): Promise<TenantResponse> {
    return this.tenants.create(body);
  }

  @Get()
  @ApiEndpoint({ summary: 'List tenants', response: tenantPage, errors: [400, 404] })
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
  list(
    @Query(new ZodValidationPipe(tenantQuerySchema, 'query')) query: TenantQuery,
  ): Promise<TenantPage> {
    return this.tenants.list(query);
  }

  @Get(':ref')
  @ApiEndpoint({ summary: 'Get a tenant', response: tenantResponse, errors: [404] })
  get(@Param('ref') ref: string): Promise<TenantResponse> {
    return this.tenants.get(ref);
  }

  @Patch(':ref')
  @ApiEndpoint({
    summary: 'Change a tenant',
    response: tenantResponse,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(updateTenantSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateTenantSchema)) body: UpdateTenant,
  ): Promise<TenantResponse> {
    return this.tenants.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Delete a tenant',
    description: 'Refused (409) while a deployment names it.',
    status: 204,
    errors: [403, 404, 409],
  })
  delete(@Param('ref') ref: string): Promise<void> {
    return this.tenants.delete(ref);
  }
}
