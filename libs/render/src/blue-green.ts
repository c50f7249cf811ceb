import type { BuildContext } from './build-context';
import type { CfnValue } from './template.types';

type Props = { [key: string]: CfnValue };

/**
 * ECS-native blue/green on the service's properties: `DeploymentConfiguration.Strategy:
 * BLUE_GREEN` (and `BakeTimeInMinutes`), and each load balancer's `AdvancedConfiguration`
 * (alternate target group, production and test listener rules, role). A rolling step is left
 * as it is (no `Strategy`: ECS's default is ROLLING).
 */
export function applyBlueGreen(context: BuildContext, props: Props): void {
  const { service } = context.step;
  if (service.deploymentStrategy !== 'blue-green') return;
  const { values } = context;
  const deployment = props.DeploymentConfiguration as Props;
  deployment.Strategy = 'BLUE_GREEN';
  if (service.bakeTimeInMinutes !== undefined)
    deployment.BakeTimeInMinutes = service.bakeTimeInMinutes;
  const balancers = props.LoadBalancers as Props[] | undefined;
  service.loadBalancers.forEach((balancer, index) => {
    const advanced = balancer.advancedConfiguration;
    const target = balancers?.[index];
    if (!advanced || !target) return;
    const out: Props = {
      AlternateTargetGroupArn: values.text(advanced.alternateTargetGroupArn),
      ProductionListenerRule: values.text(advanced.productionListenerRule),
      RoleArn: values.text(advanced.roleArn),
    };
    if (advanced.testListenerRule !== undefined)
      out.TestListenerRule = values.text(advanced.testListenerRule);
    target.AdvancedConfiguration = out;
  });
}
