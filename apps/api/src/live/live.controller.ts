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
import { ApiEndpoint, ApiQueryOf } from '../http/openapi';
import { TargetCheckResponse, targetCheckResponse } from '../targets/target.response';
import { parseOrThrow, ZodValidationPipe } from '../http/zod-validation.pipe';
import { DeploymentExistsGuard } from './deployment-exists.guard';
import { streamDeploymentLog } from './deployment-log-stream';
import { LiveService } from './live.service';
import { StreamSlotGuard } from './stream-slot.guard';

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
  @UseGuards(DeploymentExistsGuard, StreamSlotGuard)
  @ApiEndpoint({
    summary: "Follow a deployment's log live (server-sent events)",
    description:
      "One `log` event per line (data: a LogLine as JSON, id: its seq), a `status` event (data: `{deploymentId, status}`) when the stream starts and whenever the status changes, then an `end` event when the deployment has ended. Every event's id is the last seq sent: a reconnect with `Last-Event-ID` resumes after it. An API key may hold `LIVE_STREAMS_PER_KEY` streams open at once (per API process); one more answers 429.",
    response: {
      content: {
        'text/event-stream': {
          schema: { type: 'string', description: 'A stream of server-sent events' },
        },
      },
    },
    errors: [400, 404],
  })
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
    return streamDeploymentLog(this.live.feeds, id, after).pipe(
      map((event) => ({ ...event, data: JSON.stringify(event.data) })),
    );
  }

  /** A live DescribeClusters against the target: reachable, and ACTIVE? */
  @Post('targets/:ref/check')
  @HttpCode(200)
  @ApiEndpoint({
    summary: 'Check a target: a live DescribeClusters',
    description:
      'Answers at once whether the cluster is reachable and ACTIVE; never waits for AWS.',
    response: targetCheckResponse,
    errors: [403, 404],
  })
  check(@Param('ref') ref: string): Promise<TargetCheckResponse> {
    return this.probe.check(ref);
  }
}
