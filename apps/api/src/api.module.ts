import { DynamicModule, Module } from '@nestjs/common';
import type { GantryConfig } from '@gantry/config';
import { CoreModule } from '@gantry/core';
import { DeployModule, deploySettings } from '@gantry/deploy';
import { AccessModule } from './access/access.module';
import { ChannelsModule } from './channels/channels.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DeploymentsModule } from './deployments/deployments.module';
import { EnvironmentsModule } from './environments/environments.module';
import { FreezesModule } from './freezes/freezes.module';
import { LifecyclesModule } from './lifecycles/lifecycles.module';
import { ProjectsModule } from './projects/projects.module';
import { ReleasesModule } from './releases/releases.module';
import { RetentionModule } from './retention/retention.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { TargetsModule } from './targets/targets.module';
import { TenantsModule } from './tenants/tenants.module';
import { VariablesModule } from './variables/variables.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { TemplatesModule } from './templates/templates.module';

@Module({})
export class ApiModule {
  static forRoot(config: GantryConfig, masterKey: Buffer): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config, masterKey),
        { ...DeployModule.forRoot(deploySettings(config)), global: true },
        HealthModule,
        LiveModule,
        TemplatesModule,
        AccessModule,
        EnvironmentsModule,
        FreezesModule,
        LifecyclesModule,
        ProjectsModule,
        ChannelsModule,
        VariablesModule,
        ReleasesModule,
        DeploymentsModule,
        DashboardModule,
        RetentionModule,
        SubscriptionsModule,
        TenantsModule,
        TargetsModule,
      ],
    };
  }
}
