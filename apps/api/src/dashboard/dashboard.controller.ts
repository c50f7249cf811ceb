import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint, ApiQueryOf } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { DashboardQuery, dashboardQuerySchema } from './dashboard.dto';
import { DashboardResponse, dashboardResponse } from './dashboard.response';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiEndpoint({
    summary:
      'Which release is where: per project and environment the live release and the latest attempt',
    description:
      'Projects are paged by name (`limit`, default 100, and `offset`; `total` counts them). `project` and `environment` narrow it to one; `tenantTag` (repeatable, one tag of each group must match) counts only the tenants carrying the tags.',
    response: dashboardResponse,
    errors: [400, 404],
  })
  @ApiQueryOf(dashboardQuerySchema)
  get(
    @Query(new ZodValidationPipe(dashboardQuerySchema, 'query')) query: DashboardQuery,
  ): Promise<DashboardResponse> {
    return this.dashboard.get(query);
  }
}
