import { manualInterventionBodySchema } from '../../interventions/manual-intervention.schema';
import { defineStepKind } from '../step-kind';

/**
 * `manual-intervention`: the deployment waits (status `waiting`) until someone allowed decides:
 * an approval goes on with the next step, a rejection (or the timeout) fails the deployment.
 * Once per deployment, on no target; no container, no stack.
 */
export const manualInterventionKind = defineStepKind({
  kind: 'manual-intervention',
  shape: manualInterventionBodySchema.shape,
  scope: 'deployment',
  containers: () => [],
  deploysStack: false,
});
