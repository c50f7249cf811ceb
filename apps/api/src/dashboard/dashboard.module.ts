import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardLiveService } from './dashboard-live.service';
import { DashboardService } from './dashboard.service';

@Module({ controllers: [DashboardController], providers: [DashboardService, DashboardLiveService] })
export class DashboardModule {}
