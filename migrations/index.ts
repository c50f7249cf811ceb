import { InitialModel1764000000000 } from './1764000000000-InitialModel';
import { DeploymentLogCounter1764200000000 } from './1764200000000-DeploymentLogCounter';
import { DeploymentWorkerErrors1764300000000 } from './1764300000000-DeploymentWorkerErrors';
import { OperatorKeyPrefixes1796399014564 } from './1796399014564-OperatorKeyPrefixes';
import { StackDeployments1796399509781 } from './1796399509781-StackDeployments';
import { DeploymentClaimToken1796400657185 } from './1796400657185-DeploymentClaimToken';
import { DeploymentErrorDetails1796401353124 } from './1796401353124-DeploymentErrorDetails';
import { PromotionGates1796404970672 } from './1796404970672-PromotionGates';
import { DeploymentCounts1796410131497 } from './1796410131497-DeploymentCounts';
import { ReleaseCreator1796410718953 } from './1796410718953-ReleaseCreator';
import { ManualInterventions1796410809457 } from './1796410809457-ManualInterventions';
import { Retention1796410887479 } from './1796410887479-Retention';
import { DeploymentProcess1796413016849 } from './1796413016849-DeploymentProcess';
import { DeploymentCountsPerStatement1796414071089 } from './1796414071089-DeploymentCountsPerStatement';
import { DeploymentTrackingPerStatement1796421289054 } from './1796421289054-DeploymentTrackingPerStatement';
import { ReleaseDeploymentsIndex1796423286277 } from './1796423286277-ReleaseDeploymentsIndex';
import { DashboardCellSnapshot1796424463410 } from './1796424463410-DashboardCellSnapshot';

/** Every migration, in order. Listed explicitly so the same list works from ts (tests) and dist. */
export const MIGRATIONS = [
  InitialModel1764000000000,
  DeploymentLogCounter1764200000000,
  DeploymentWorkerErrors1764300000000,
  OperatorKeyPrefixes1796399014564,
  StackDeployments1796399509781,
  DeploymentClaimToken1796400657185,
  DeploymentErrorDetails1796401353124,
  PromotionGates1796404970672,
  DeploymentCounts1796410131497,
  ReleaseCreator1796410718953,
  ManualInterventions1796410809457,
  Retention1796410887479,
  DeploymentProcess1796413016849,
  DeploymentCountsPerStatement1796414071089,
  DeploymentTrackingPerStatement1796421289054,
  ReleaseDeploymentsIndex1796423286277,
  DashboardCellSnapshot1796424463410,
];
