/**
 * Simulated durations in milliseconds at timeScale 1. A service reaches a steady state in about
 * 30 s (provisioning, image pull, health grace, steady check), a `slow` image in about 70 s.
 */
export const TIMINGS = {
  taskProvisioning: 5_000,
  taskPull: 8_000,
  taskHealthy: 10_000,
  slowTaskHealthy: 45_000,
  crashAfterRunning: 3_000,
  /** How long a one-off task's container works before it exits (RunTask). */
  oneOffRun: 6_000,
  taskStopping: 3_000,
  faultStopping: 500,
  relaunchBackoff: 5_000,
  steadyCheck: 5_000,
  /** How long each blue/green lifecycle stage without work of its own takes (a listener rule change, a hook-less stage). */
  blueGreenStage: 2_000,
  changeSetCreation: 1_500,
  serviceStabilizationTimeout: 3 * 60 * 60 * 1000,
  stabilizationPoll: 2_000,
  resource: {
    'AWS::Logs::LogGroup': 1_000,
    'AWS::IAM::Role': 8_000,
    'AWS::ECS::Cluster': 3_000,
    'AWS::ECS::TaskDefinition': 1_000,
    'AWS::ECS::Service': 2_000,
  } as Record<string, number>,
  resourceDelete: 1_000,
};
