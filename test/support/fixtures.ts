/** A valid two-container ECS service step, as a user would send it. */
export function sampleStep(overrides: Record<string, unknown> = {}) {
  return {
    containers: [
      {
        name: 'web',
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-web',
        portMappings: [{ containerPort: 8080 }],
        environment: { LOG_LEVEL: '#{LogLevel}' },
        healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'] },
      },
      { name: 'worker', image: 'ghcr.io/acme/shop-worker', essential: false },
    ],
    task: {
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    },
    service: {
      desiredCount: '#{DesiredCount}',
      network: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'] },
    },
    tags: { team: 'shop' },
    ...overrides,
  };
}
