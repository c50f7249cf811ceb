import type { ErrorCode } from '@gantry/domain';

/** Every domain error code and its HTTP status. Exhaustive: a new code without a status does not compile. */
export const ERROR_STATUS: Record<ErrorCode, { status: number; title: string }> = {
  validation_failed: { status: 400, title: 'Invalid request' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  self_approval: { status: 403, title: 'Self-approval refused' },
  rate_limited: { status: 429, title: 'Too many requests' },
  not_found: { status: 404, title: 'Not found' },
  duplicate: { status: 409, title: 'Already exists' },
  in_use: { status: 409, title: 'In use' },
  lifecycle_forbids: { status: 409, title: 'The lifecycle does not allow this deployment' },
  stack_busy: { status: 409, title: 'Stack busy' },
  invalid_state: { status: 409, title: 'Not possible in the current state' },
  frozen: { status: 409, title: 'Deployments are frozen' },
  release_blocked: { status: 409, title: 'The release is blocked' },
  channel_rule_violated: { status: 422, title: 'Channel version rule violated' },
  fargate_size_invalid: { status: 422, title: 'Invalid Fargate task size' },
  render_check_failed: { status: 422, title: 'The step cannot be rendered' },
  unresolved_variable: { status: 422, title: 'Unresolved variable' },
  variable_cycle: { status: 422, title: 'Variable cycle' },
  variable_too_large: { status: 422, title: 'Variable value too large' },
  template_too_large: { status: 422, title: 'Template too large' },
  ambiguous_variable: { status: 422, title: 'Ambiguous variable' },
  no_matching_target: { status: 422, title: 'No matching target' },
  stack_collision: { status: 409, title: 'Targets would share a stack' },
  aws_unreachable: { status: 502, title: 'AWS unreachable' },
};
