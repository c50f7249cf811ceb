import {
  Controller,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Sse,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { map, Observable } from 'rxjs';
import { z } from 'zod';
import { TargetProbe } from '@gantry/deploy';
import { logSeqField } from '../http/fields';
import { ApiQueryOf } from '../http/openapi';
import { parseOrThrow, ZodValidationPipe } from '../http/zod-validation.pipe';
import { DeploymentExistsGuard } from './deployment-exists.guard';
import { streamDeploymentLog } from './deployment-log-stream';
import { LiveService } from './live.service';

const streamQuery = z.strictObject({ after: logSeqField.default(0) });

/** Routes that talk to running things: the live deployment log and the live target check. */
@ApiTags('live')
@ApiBearerAuth()
@Controller('api')
export class LiveController {
  constructor(
    private readonly live: LiveService,
    private readonly probe: TargetProbe,
  ) {}

  /** Server-sent events, one per log line; closes when the deployment has ended. */
  @Sse('deployments/:id/log/stream')
  @UseGuards(DeploymentExistsGuard)
  @ApiQueryOf(streamQuery)
  stream(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query(new ZodValidationPipe(streamQuery, 'query')) query: z.infer<typeof streamQuery>,
    @Headers('last-event-id') lastEventId?: string,
  ): Observable<{ id?: string; type: string; data: string }> {
    const resumeAt = lastEventId
      ? parseOrThrow(
          logSeqField,
          lastEventId,
          'The Last-Event-ID header must be a log sequence number.',
          'Last-Event-ID',
        )
      : 0;
    const after = Math.max(query.after, resumeAt);
    return streamDeploymentLog(this.live, id, after, 500).pipe(
      map((event) => ({ ...event, data: JSON.stringify(event.data) })),
    );
  }

  /** A live DescribeClusters against the target: reachable, and ACTIVE? */
  @Post('targets/:ref/check')
  @HttpCode(200)
  check(@Param('ref') ref: string) {
    return this.probe.check(ref);
  }
}
