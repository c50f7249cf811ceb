import type { NotificationPayload } from '../notification-message';
import { SIGNATURE_HEADER, signWebhook } from '../signature';
import { postJson } from './http-post';

/** A generic webhook: the payload as JSON, signed with the subscription's secret. */
export function sendWebhook(
  target: { url: string; secret: string },
  payload: NotificationPayload,
  timeoutMs: number,
): Promise<number> {
  const body = JSON.stringify(payload);
  return postJson(
    target.url,
    body,
    {
      [SIGNATURE_HEADER]: signWebhook(target.secret, body, Math.floor(Date.now() / 1000)),
      'Gantry-Event': payload.event,
      'Gantry-Notification': payload.id,
    },
    timeoutMs,
  );
}
