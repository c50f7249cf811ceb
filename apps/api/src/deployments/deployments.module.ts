import { Module } from '@nestjs/common';
import { SchedulingModule } from '@gantry/scheduling';
import { DeploymentsController } from './deployments.controller';
import { DeploymentsService } from './deployments.service';

@Module({
  imports: [SchedulingModule],
  controllers: [DeploymentsController],
  providers: [DeploymentsService],
})
export class DeploymentsModule {}
