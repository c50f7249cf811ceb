import { createTransport } from 'nodemailer';
import type { SubscriptionSettings } from '@gantry/persistence';
import { readableMessage, type NotificationPayload } from '../notification-message';
import { DeliveryFailed } from './delivery-failed';

/** An email through the subscription's SMTP server: the readable message, and the JSON attached. */
export async function sendEmail(
  settings: SubscriptionSettings,
  password: string | undefined,
  payload: NotificationPayload,
  timeoutMs: number,
): Promise<null> {
  const smtp = settings.smtp!;
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.username ? { user: smtp.username, pass: password ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  const message = readableMessage(payload);
  try {
    await transport.sendMail({
      from: settings.from,
      to: settings.to,
      subject: `[Gantry] ${message.title}`,
      text: [
        message.title,
        '',
        ...message.lines,
        '',
        ...message.links.map((link) => `${link.label}: ${link.url}`),
      ].join('\n'),
      attachments: [{ filename: 'event.json', content: JSON.stringify(payload, null, 2) }],
    });
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode ?? null;
    throw new DeliveryFailed(
      `The SMTP server refused or could not be reached: ${(error as Error).message}`,
      code,
    );
  } finally {
    transport.close();
  }
  return null;
}
