import { DomainError } from '../errors/domain-error';
import { checkPromotion, type PromotionRequest } from './promotion';

/**
 * `checkPromotion`, throwing `lifecycle_forbids` on a refusal. The message is the reason; details
 * carry `refusal` (the decision's code), `blockingPhase`, `missingEnvironmentIds`, `shortfalls` and
 * `tenantId`, so a client can show exactly what is missing.
 */
export function assertPromotion(request: PromotionRequest): void {
  const decision = checkPromotion(request);
  if (decision.allowed) return;
  const { allowed: _allowed, code, reason, ...details } = decision;
  const message = `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
  throw new DomainError('lifecycle_forbids', message, [], {
    refusal: code,
    ...details,
    allowed: undefined,
  });
}
