import { readableMessage, type NotificationPayload } from '../notification-message';
import { postJson } from './http-post';

/** A Slack incoming webhook: a readable message with links, in Slack's mrkdwn. */
export function sendSlack(
  url: string,
  payload: NotificationPayload,
  timeoutMs: number,
): Promise<number> {
  return postJson(url, JSON.stringify(slackMessage(payload)), {}, timeoutMs);
}

export function slackMessage(payload: NotificationPayload) {
  const message = readableMessage(payload);
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const links = message.links.map((link) => `<${link.url}|${escape(link.label)}>`).join(' · ');
  const body = [...message.lines.map(escape), links].filter(Boolean).join('\n');
  return {
    text: message.title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: message.title.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: body.slice(0, 3000) } },
    ],
  };
}
