import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GantryConfig, GantryConfigModule, loggerOptions } from '@gantry/config';
import { DeployModule, deploySettings } from '@gantry/deploy';
import { PersistenceModule } from '@gantry/persistence';
import { QueueModule } from '@gantry/queue';
import { AccessModule } from './access/access.module';
import { ChannelsModule } from './channels/channels.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DeploymentsModule } from './deployments/deployments.module';
import { EnvironmentsModule } from './environments/environments.module';
import { LifecyclesModule } from './lifecycles/lifecycles.module';
import { ProjectsModule } from './projects/projects.module';
import { ReleasesModule } from './releases/releases.module';
import { TargetsModule } from './targets/targets.module';
import { TenantsModule } from './tenants/tenants.module';
import { VariablesModule } from './variables/variables.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { TemplatesModule } from './templates/templates.module';

type RoutedRequest = IncomingMessage & { route?: { path?: string }; originalUrl?: string };

@Module({})
export class ApiModule {
  static forRoot(config: GantryConfig, masterKey: Buffer): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        GantryConfigModule.forRoot(config, masterKey),
        LoggerModule.forRoot({
          pinoHttp: {
            ...loggerOptions(config),
            quietReqLogger: true,
            // One line per request: method, route, status, duration. Headers and bodies are never logged.
            serializers: { req: () => undefined, res: () => undefined },
            // Added once the response is known (customProps would also run at the start).
            customSuccessObject: (
              request: IncomingMessage,
              response: ServerResponse,
              fields: object,
            ) => ({
              ...fields,
              method: request.method,
              route:
                (request as RoutedRequest).route?.path ??
                (request as RoutedRequest).originalUrl?.split('?')[0],
              status: response.statusCode,
            }),
            customSuccessMessage: (
              request: IncomingMessage,
              response: ServerResponse,
              took: number,
            ) =>
              `${request.method} ${(request as RoutedRequest).originalUrl?.split('?')[0]} ${response.statusCode} ${Math.round(took)}ms`,
            customErrorMessage: (request: IncomingMessage, response: ServerResponse) =>
              `${request.method} ${(request as RoutedRequest).originalUrl?.split('?')[0]} ${response.statusCode}`,
            customAttributeKeys: { responseTime: 'durationMs' },
            autoLogging: {
              ignore: (request: IncomingMessage) => request.url?.startsWith('/health/') ?? false,
            },
          },
        }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
        { ...DeployModule.forRoot(deploySettings(config)), global: true },
        HealthModule,
        LiveModule,
        TemplatesModule,
        AccessModule,
        EnvironmentsModule,
        LifecyclesModule,
        ProjectsModule,
        ChannelsModule,
        VariablesModule,
        ReleasesModule,
        DeploymentsModule,
        DashboardModule,
        TenantsModule,
        TargetsModule,
      ],
    };
  }
}
