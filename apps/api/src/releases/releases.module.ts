import { Module } from '@nestjs/common';
import { SchedulingModule } from '@gantry/scheduling';
import { ReleasesController } from './releases.controller';
import { ReleasesService } from './releases.service';

@Module({
  imports: [SchedulingModule],
  controllers: [ReleasesController],
  providers: [ReleasesService],
})
export class ReleasesModule {}
