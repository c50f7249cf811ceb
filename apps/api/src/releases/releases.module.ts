import { Module } from '@nestjs/common';
import { SchedulingModule } from '@gantry/scheduling';
import { ReleasesController } from './releases.controller';
import { ReleasesService } from './releases.service';
import { ReleaseTemplateSize } from './release-template-size';

@Module({
  imports: [SchedulingModule],
  controllers: [ReleasesController],
  providers: [ReleasesService, ReleaseTemplateSize],
})
export class ReleasesModule {}
