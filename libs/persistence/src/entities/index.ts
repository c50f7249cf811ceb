import { ApiKeyEntity, AuditEventEntity } from './access.entity';
import { ChannelEntity } from './channel.entity';
import {
  DeploymentEntity,
  DeploymentLogEntity,
  DeploymentStepEntity,
  DeploymentTargetEntity,
} from './deployment.entity';
import { EnvironmentEntity } from './environment.entity';
import { FreezeEntity } from './freeze.entity';
import {
  LifecycleEntity,
  LifecyclePhaseEntity,
  LifecyclePhaseEnvironmentEntity,
} from './lifecycle.entity';
import { ProjectEntity } from './project.entity';
import { ReleaseEntity } from './release.entity';
import {
  NotificationDeliveryEntity,
  NotificationEntity,
  SubscriptionEntity,
} from './subscription.entity';
import { TargetEntity, TargetEnvironmentEntity, TargetTenantEntity } from './target.entity';
import { TenantConnectionEntity, TenantEntity } from './tenant.entity';
import { VariableEntity } from './variable.entity';

export * from './access.entity';
export * from './channel.entity';
export * from './deployment.entity';
export * from './environment.entity';
export * from './freeze.entity';
export * from './lifecycle.entity';
export * from './project.entity';
export * from './release.entity';
export * from './subscription.entity';
export * from './target.entity';
export * from './tenant.entity';
export * from './variable.entity';

export const ENTITIES = [
  ApiKeyEntity,
  AuditEventEntity,
  ChannelEntity,
  DeploymentEntity,
  DeploymentLogEntity,
  DeploymentStepEntity,
  DeploymentTargetEntity,
  EnvironmentEntity,
  FreezeEntity,
  LifecycleEntity,
  LifecyclePhaseEntity,
  LifecyclePhaseEnvironmentEntity,
  NotificationDeliveryEntity,
  NotificationEntity,
  ProjectEntity,
  ReleaseEntity,
  SubscriptionEntity,
  TargetEntity,
  TargetEnvironmentEntity,
  TargetTenantEntity,
  TenantConnectionEntity,
  TenantEntity,
  VariableEntity,
];
