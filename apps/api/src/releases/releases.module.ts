import { Module } from '@nestjs/common';
import { SchedulingModule } from '@gantry/deploy';
import { ReleasesController } from './releases.controller';
import { ReleasesService } from './releases.service';

@Module({
  imports: [SchedulingModule],
  controllers: [ReleasesController],
  providers: [ReleasesService],
})
export class ReleasesModule {}
