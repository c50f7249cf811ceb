import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardLiveService } from './dashboard-live.service';
import { DashboardService } from './dashboard.service';
import { TenantDashboardController } from './tenant-dashboard.controller';
import { TenantDashboardService } from './tenant-dashboard.service';

@Module({
  controllers: [DashboardController, TenantDashboardController],
  providers: [DashboardService, DashboardLiveService, TenantDashboardService],
})
export class DashboardModule {}
