import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint, ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateChannel,
  createChannelSchema,
  UpdateChannel,
  updateChannelSchema,
} from './channels.dto';
import { ChannelPage, channelPage, ChannelResponse, channelResponse } from './channel.response';
import { ChannelsService } from './channels.service';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('api/projects/:ref/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @ApiEndpoint({
    summary: 'Create a channel of a project',
    status: 201,
    response: channelResponse,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(createChannelSchema)
  create(
    @Param('ref') project: string,
    @Body(new ZodValidationPipe(createChannelSchema)) body: CreateChannel,
  ): Promise<ChannelResponse> {
    return this.channels.create(project, body);
  }

  @Get()
  @ApiEndpoint({ summary: "List a project's channels", response: channelPage, errors: [400, 404] })
  @ApiPaged()
  list(
    @Param('ref') project: string,
    @Query(new ZodValidationPipe(pageSchema, 'query')) page: Page,
  ): Promise<ChannelPage> {
    return this.channels.list(project, page.limit, page.offset);
  }

  @Get(':channelRef')
  @ApiEndpoint({ summary: 'Get a channel', response: channelResponse, errors: [404] })
  get(@Param('ref') project: string, @Param('channelRef') ref: string): Promise<ChannelResponse> {
    return this.channels.get(project, ref);
  }

  @Patch(':channelRef')
  @ApiEndpoint({
    summary: 'Change a channel',
    response: channelResponse,
    errors: [400, 403, 404, 409],
  })
  @ApiJsonBody(updateChannelSchema)
  update(
    @Param('ref') project: string,
    @Param('channelRef') ref: string,
    @Body(new ZodValidationPipe(updateChannelSchema)) body: UpdateChannel,
  ): Promise<ChannelResponse> {
    return this.channels.update(project, ref, body);
  }

  @Delete(':channelRef')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Delete a channel',
    description: 'Refused (409) for the default channel and for a channel releases use.',
    status: 204,
    errors: [403, 404, 409],
  })
  delete(@Param('ref') project: string, @Param('channelRef') ref: string): Promise<void> {
    return this.channels.delete(project, ref);
  }
}
