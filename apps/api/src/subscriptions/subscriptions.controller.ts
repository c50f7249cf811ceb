import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/actor';
import { ApiEndpoint, ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  DeliveryPage,
  deliveryPage,
  ReplayResponse,
  replayResponse,
  SubscriptionPage,
  subscriptionPage,
  SubscriptionResponse,
  subscriptionResponse,
} from './subscription.response';
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
  @ApiEndpoint({
    summary: 'Subscribe a webhook, a Slack channel or email recipients to events (admin)',
    description: 'Secrets (URLs, the signing secret, the SMTP password) are never returned.',
    status: 201,
    response: subscriptionResponse,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(createSubscriptionSchema)
  create(
    @Body(new ZodValidationPipe(createSubscriptionSchema)) body: CreateSubscription,
  ): Promise<SubscriptionResponse> {
    return this.subscriptions.create(body);
  }

  @Get()
  @RequirePermission('admin')
  @ApiEndpoint({
    summary: 'List subscriptions (admin)',
    response: subscriptionPage,
    errors: [400, 403],
  })
  @ApiPaged()
  list(@Query(new ZodValidationPipe(pageSchema, 'query')) page: Page): Promise<SubscriptionPage> {
    return this.subscriptions.list(page.limit, page.offset);
  }

  @Get(':ref')
  @RequirePermission('admin')
  @ApiEndpoint({
    summary: 'Get a subscription (admin)',
    response: subscriptionResponse,
    errors: [403, 404],
  })
  get(@Param('ref') ref: string): Promise<SubscriptionResponse> {
    return this.subscriptions.get(ref);
  }

  @Patch(':ref')
  @ApiEndpoint({
    summary: 'Change a subscription (admin)',
    response: subscriptionResponse,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(updateSubscriptionSchema)
  update(
    @Param('ref') ref: string,
    @Body(new ZodValidationPipe(updateSubscriptionSchema)) body: UpdateSubscription,
  ): Promise<SubscriptionResponse> {
    return this.subscriptions.update(ref, body);
  }

  @Delete(':ref')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Delete a subscription and its deliveries (admin)',
    status: 204,
    errors: [403, 404],
  })
  delete(@Param('ref') ref: string): Promise<void> {
    return this.subscriptions.delete(ref);
  }

  @Get(':ref/deliveries')
  @RequirePermission('admin')
  @ApiEndpoint({
    summary: "A subscription's delivery attempts, newest first (admin)",
    response: deliveryPage,
    errors: [400, 403, 404],
  })
  @ApiPaged()
  deliveries(
    @Param('ref') ref: string,
    @Query(new ZodValidationPipe(pageSchema, 'query')) page: Page,
  ): Promise<DeliveryPage> {
    return this.subscriptions.deliveries(ref, page.limit, page.offset);
  }

  @Post(':ref/deliveries/:id/replay')
  @HttpCode(202)
  @ApiEndpoint({
    summary: "Send a delivery's notification again (admin)",
    description: 'The new attempts are recorded as deliveries with `replay: true`.',
    status: 202,
    response: replayResponse,
    errors: [403, 404],
  })
  replay(@Param('ref') ref: string, @Param('id') id: string): Promise<ReplayResponse> {
    return this.subscriptions.replay(ref, id);
  }
}
