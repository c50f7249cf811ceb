import { ApiKeyEntity, AuditEventEntity } from './access.entity';
import { ChannelEntity } from './channel.entity';
import { DeploymentEntity, DeploymentLogEntity, DeploymentTargetEntity } from './deployment.entity';
import { EnvironmentEntity } from './environment.entity';
import {
  LifecycleEntity,
  LifecyclePhaseEntity,
  LifecyclePhaseEnvironmentEntity,
} from './lifecycle.entity';
import { ProjectEntity } from './project.entity';
import { ReleaseEntity } from './release.entity';
import { TargetEntity, TargetEnvironmentEntity, TargetTenantEntity } from './target.entity';
import { TenantConnectionEntity, TenantEntity } from './tenant.entity';
import { VariableEntity } from './variable.entity';

export * from './access.entity';
export * from './channel.entity';
export * from './deployment.entity';
export * from './environment.entity';
export * from './lifecycle.entity';
export * from './project.entity';
export * from './release.entity';
export * from './target.entity';
export * from './tenant.entity';
export * from './variable.entity';

export const ENTITIES = [
  ApiKeyEntity,
  AuditEventEntity,
  ChannelEntity,
  DeploymentEntity,
  DeploymentLogEntity,
  DeploymentTargetEntity,
  EnvironmentEntity,
  LifecycleEntity,
  LifecyclePhaseEntity,
  LifecyclePhaseEnvironmentEntity,
  ProjectEntity,
  ReleaseEntity,
  TargetEntity,
  TargetEnvironmentEntity,
  TargetTenantEntity,
  TenantConnectionEntity,
  TenantEntity,
  VariableEntity,
];
