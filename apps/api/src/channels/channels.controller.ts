import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiJsonBody, ApiPaged } from '../http/openapi';
import { Page, pageSchema } from '../http/pagination';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  CreateChannel,
  createChannelSchema,
  UpdateChannel,
  updateChannelSchema,
} from './channels.dto';
import { ChannelsService } from './channels.service';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('api/projects/:ref/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @ApiJsonBody(createChannelSchema)
  create(
    @Param('ref') project: string,
    @Body(new ZodValidationPipe(createChannelSchema)) body: CreateChannel,
  ) {
    return this.channels.create(project, body);
  }

  @Get()
  @ApiPaged()
  list(
    @Param('ref') project: string,
    @Query(new ZodValidationPipe(pageSchema, 'query')) page: Page,
  ) {
    return this.channels.list(project, page.limit, page.offset);
  }

  @Get(':channelRef')
  get(@Param('ref') project: string, @Param('channelRef') ref: string) {
    return this.channels.get(project, ref);
  }

  @Patch(':channelRef')
  @ApiJsonBody(updateChannelSchema)
  update(
    @Param('ref') project: string,
    @Param('channelRef') ref: string,
    @Body(new ZodValidationPipe(updateChannelSchema)) body: UpdateChannel,
  ) {
    return this.channels.update(project, ref, body);
  }

  @Delete(':channelRef')
  @HttpCode(204)
  delete(@Param('ref') project: string, @Param('channelRef') ref: string) {
    return this.channels.delete(project, ref);
  }
}
