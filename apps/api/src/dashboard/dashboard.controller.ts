import { Controller, Get, Query, Req, Sse } from '@nestjs/common';
import type { Request } from 'express';
import { EMPTY, map, Observable } from 'rxjs';
import { z } from 'zod';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint, ApiQueryOf } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { DashboardQuery, dashboardQuerySchema } from './dashboard.dto';
import { DashboardResponse, dashboardResponse } from './dashboard.response';
import { DashboardLiveService } from './dashboard-live.service';
import { DashboardService } from './dashboard.service';

const streamQuerySchema = z.strictObject({});

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly live: DashboardLiveService,
  ) {}

  /** Server-sent events: which dashboard cells changed, as they change. */
  @Sse('stream')
  @ApiEndpoint({
    summary: 'Follow the dashboard live (server-sent events)',
    description:
      "A `ready` event once the stream is following (read the dashboard then; it comes again after the server lost its event source for a while), a `cell` event (data: `{projectId, environmentId, status, latestDeploymentId, liveDeploymentId}`) each time a cell's latest deployment, its status, its live release or a tenant count changes, and a `ping` every 25 s.",
    response: {
      content: {
        'text/event-stream': {
          schema: { type: 'string', description: 'A stream of server-sent events' },
        },
      },
    },
  })
  @ApiQueryOf(streamQuerySchema)
  stream(
    @Req() request: Request,
    // No parameters: an unknown one is a 400, not a stream that ignores it.
    @Query(new ZodValidationPipe(streamQuerySchema, 'query'))
    _query: z.infer<typeof streamQuerySchema>,
  ): Observable<{ type: string; data: string }> {
    // HEAD asks whether the stream is there; it gets the headers, not a stream that never ends.
    if (request.method === 'HEAD') return EMPTY;
    return this.live
      .events()
      .pipe(map((event) => ({ type: event.type, data: JSON.stringify(event.data) })));
  }

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
