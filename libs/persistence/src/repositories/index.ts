import { ApiKeysRepository, AuditRepository } from './api-keys.repository';
import { ChannelsRepository } from './channels.repository';
import { DashboardRepository } from './dashboard.repository';
import { DeploymentCandidatesRepository } from './deployment-candidates.repository';
import { DeploymentsRepository } from './deployments.repository';
import { DeploymentRunsRepository } from './deployment-runs.repository';
import { EnvironmentsRepository } from './environments.repository';
import { FreezesRepository } from './freezes.repository';
import { InterventionsRepository } from './interventions.repository';
import { LifecyclesRepository } from './lifecycles.repository';
import { ProjectsRepository } from './projects.repository';
import { ReleaseProgressionRepository } from './release-progression.repository';
import { ReleasesRepository } from './releases.repository';
import { RetentionRepository } from './retention.repository';
import { SubscriptionsRepository } from './subscriptions.repository';
import { TargetsRepository } from './targets.repository';
import { TenantDashboardRepository } from './tenant-dashboard.repository';
import { TenantsRepository } from './tenants.repository';
import { VariablesRepository } from './variables.repository';

export * from './api-keys.repository';
export * from './channels.repository';
export * from './dashboard.repository';
export * from './deployment-candidates.repository';
export * from './deployments.repository';
export * from './deployment-runs.repository';
export * from './environments.repository';
export * from './find-by-ref';
export * from './freezes.repository';
export * from './interventions.repository';
export * from './lifecycles.repository';
export * from './projects.repository';
export * from './release-progression.repository';
export * from './releases.repository';
export * from './retention.repository';
export * from './subscriptions.repository';
export * from './targets.repository';
export * from './tenant-dashboard.repository';
export * from './tenants.repository';
export * from './variables.repository';

export const REPOSITORIES = [
  DeploymentsRepository,
  ReleasesRepository,
  ReleaseProgressionRepository,
  ApiKeysRepository,
  AuditRepository,
  ChannelsRepository,
  DashboardRepository,
  DeploymentCandidatesRepository,
  DeploymentRunsRepository,
  EnvironmentsRepository,
  FreezesRepository,
  InterventionsRepository,
  LifecyclesRepository,
  ProjectsRepository,
  RetentionRepository,
  SubscriptionsRepository,
  TargetsRepository,
  TenantDashboardRepository,
  TenantsRepository,
  VariablesRepository,
];
