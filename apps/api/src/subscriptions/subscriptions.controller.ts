import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/actor';
import { ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateSubscription,
  createSubscriptionSchema,
  UpdateSubscription,
  updateSubscriptionSchema,
} from './subscriptions.dto';
import { SubscriptionsService } from './subscriptions.service';

/** Notification subscriptions (admin only: they hold secrets and reach outside). */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('api/subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @ApiOperation({ summary: 'Subscribes a webhook, a Slack channel or email recipients to events' })
  @ApiJsonBody(createSubscriptionSchema)
  create(@Body(new ZodValidationPipe(createSubscriptionSchema)) body: CreateSubscription) {
    return this.subscriptions.create(body);
  }

  @Get()
  @RequirePermission('admin')
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page) {
    return this.subscriptions.list(page.limit, page.offset);
  }

  @Get(':ref')
  @RequirePermission('admin')
  get(@Param('ref') ref: string) {
    return this.subscriptions.get(ref);
  }

  @Patch(':ref')
  @ApiJsonBody(updateSubscriptionSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateSubscriptionSchema)) body: UpdateSubscription,
  ) {
    return this.subscriptions.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  delete(@Param('ref') ref: string) {
    return this.subscriptions.delete(ref);
  }

  @Get(':ref/deliveries')
  @RequirePermission('admin')
  @ApiOperation({ summary: 'Every delivery attempt, newest first' })
  @ApiPaged()
  deliveries(
    @Param('ref') ref: string,
    @Query(new ZodValidationPipe(pageSchema, 'query')) page: Page,
  ) {
    return this.subscriptions.deliveries(ref, page.limit, page.offset);
  }

  @Post(':ref/deliveries/:id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: "Sends a delivery's notification again (new attempts are recorded)" })
  replay(@Param('ref') ref: string, @Param('id') id: string) {
    return this.subscriptions.replay(ref, id);
  }
}
