import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RetentionService } from '@gantry/deploy';
import { RequirePermission } from '../access/actor';
import { ApiEndpoint } from '../http/openapi';
import { RetentionPreviewResponse, retentionPreviewResponse } from './retention.response';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('api/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('preview')
  @RequirePermission('admin')
  @ApiEndpoint({
    summary: 'What the next retention run would delete, deleting nothing',
    description:
      "Releases beyond their lifecycle phases' `retention.keepReleases` (never one live or latest anywhere, nor one with a deployment under way), with their deployments and log lines, and task definition revisions beyond their project's `retention.keepTaskDefinitions` that no service of the cluster uses. The scheduled run (every `RETENTION_INTERVAL_MINUTES`) deletes exactly this.",
    response: retentionPreviewResponse,
    errors: [403],
  })
  preview(): Promise<RetentionPreviewResponse> {
    return this.retention.plan();
  }
}
