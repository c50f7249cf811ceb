import type { AwsCaller } from '../aws/aws-caller';
import type { AwsClients } from '../aws/aws-clients';
import { ServiceBatcher } from './service-batcher';
import { StackPoller } from './stack-poller';

/** The batchers pooled clients carry: every deployment of one account and region shares them. */
export interface AwsBatchers {
  stackPoller: StackPoller;
  serviceBatcher: ServiceBatcher;
}

/** Makes the batchers for a set of pooled clients (`AwsClientPool`'s `attach`). */
export function batchersFor(
  caller: AwsCaller,
  intervalMs: number,
): (clients: AwsClients) => AwsBatchers {
  return (clients) => ({
    stackPoller: new StackPoller(
      (action, invoke, options) =>
        caller.call(clients.limiterKey, action, () => invoke(clients.cloudformation), options),
      { intervalMs },
    ),
    serviceBatcher: new ServiceBatcher(
      (action, invoke, options) =>
        caller.call(clients.limiterKey, action, () => invoke(clients.ecs), options),
      { intervalMs },
    ),
  });
}
