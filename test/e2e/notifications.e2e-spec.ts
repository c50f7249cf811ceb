import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { verifyWebhook } from '@gantry/notifications';
import { deployClient } from '../support/deploy-client';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP receiver on a free port; `answers` decides each response's status in turn. */
async function startReceiver(answers: (count: number) => number = () => 200) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(answers(received.length)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

const SECRET = 'whsec-0123456789abcdef';

describe('notifications: webhook, Slack and email receivers', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;

  beforeAll(async () => {
    platform = await startPlatform('notify', {
      timeScale: 0.03,
      env: { NOTIFICATION_RETRY_BASE_MS: '100', NOTIFICATION_TIMEOUT_MS: '2000' },
    });
    client = deployClient(platform);
    for (const project of ['hooked', 'flaky', 'mailed'])
      await seedPlatform(platform.api, { project });
  });
  afterAll(() => platform.close());

  it('a failed deployment reaches the webhook with a valid signature; secrets are never returned', async () => {
    const receiver = await startReceiver();
    try {
      const created = await platform.api
        .post('/api/subscriptions', {
          name: 'Failures',
          kind: 'webhook',
          url: `${receiver.url}/hooks/token-abc`,
          secret: SECRET,
          events: ['deployment.failed'],
          projects: ['hooked'],
          environments: ['dev'],
        })
        .expect(201);
      expect(JSON.stringify(created.body)).not.toContain('token-abc');
      expect(JSON.stringify(created.body)).not.toContain(SECRET);
      expect(created.body).toMatchObject({ url: `${receiver.url}/********`, secret: '********' });

      const release = await platform.api
        .post('/api/projects/hooked/releases', {
          version: '1.0.0',
          images: { web: '1.0.0-crash', worker: '1.0.0' },
          build: {
            commit: 'abc1234',
            branch: 'main',
            url: 'https://ci.example.com/builds/42',
            number: '42',
          },
          workItems: [{ id: 'SHOP-7', title: 'Faster checkout' }],
        })
        .expect(201);
      expect(release.body.build).toMatchObject({ commit: 'abc1234', number: '42' });
      const deployment = await client.finished(
        (await client.onlyOf('hooked', 'dev', release.body.id)).id,
      );
      expect(deployment.status).toBe('failed');

      const [hook] = await eventually(
        async () => (receiver.received.length ? receiver.received : undefined),
        20_000,
        'the webhook',
      );
      expect(hook.path).toBe('/hooks/token-abc');
      expect(hook.headers['gantry-event']).toBe('deployment.failed');
      expect(verifyWebhook(SECRET, hook.body, hook.headers['gantry-signature'] as string)).toBe(
        true,
      );
      expect(
        verifyWebhook(
          'another-secret-00000',
          hook.body,
          hook.headers['gantry-signature'] as string,
        ),
      ).toBe(false);
      expect(JSON.parse(hook.body)).toMatchObject({
        event: 'deployment.failed',
        project: { slug: 'hooked' },
        release: { version: '1.0.0', build: { commit: 'abc1234' }, workItems: [{ id: 'SHOP-7' }] },
        deployment: {
          id: deployment.id,
          status: 'failed',
          environment: { slug: 'dev' },
          error: expect.any(String),
        },
      });
    } finally {
      await receiver.close();
    }
  });

  it('a receiver that answers 500 twice gets the third attempt; the deliveries list shows all three, and a replay adds one', async () => {
    const receiver = await startReceiver((count) => (count <= 2 ? 500 : 204));
    const slack = await startReceiver();
    try {
      const subscription = await platform.api
        .post('/api/subscriptions', {
          name: 'Flaky',
          kind: 'webhook',
          url: receiver.url,
          secret: SECRET,
          events: ['release.created'],
          projects: ['flaky'],
        })
        .expect(201);
      await platform.api
        .post('/api/subscriptions', {
          name: 'Team channel',
          kind: 'slack',
          url: `${slack.url}/services/T0/B0/xyz`,
          events: ['release.created'],
          projects: ['flaky'],
        })
        .expect(201);
      await platform.api
        .post('/api/projects/flaky/releases', {
          version: '2.0.0',
          images: { web: '2.0.0', worker: '2.0.0' },
          build: { commit: 'def5678', url: 'https://ci.example.com/builds/43', number: '43' },
        })
        .expect(201);

      const deliveries = await eventually(
        async () => {
          const list = await platform.api
            .get(`/api/subscriptions/${subscription.body.id}/deliveries`)
            .expect(200);
          return list.body.total === 3 ? list.body.items : undefined;
        },
        20_000,
        'three delivery attempts',
      );
      expect(
        deliveries.map((d: { attempt: number; outcome: string; responseStatus: number }) => [
          d.attempt,
          d.outcome,
          d.responseStatus,
        ]),
      ).toEqual([
        [3, 'delivered', 204],
        [2, 'failed', 500],
        [1, 'failed', 500],
      ]);
      expect(receiver.received).toHaveLength(3);

      await platform.api
        .post(`/api/subscriptions/${subscription.body.id}/deliveries/${deliveries[0].id}/replay`)
        .expect(202);
      await eventually(
        async () => (receiver.received.length === 4 ? true : undefined),
        10_000,
        'the replay',
      );

      const [message] = await eventually(
        async () => (slack.received.length ? slack.received : undefined),
        10_000,
        'the Slack message',
      );
      const body = JSON.parse(message.body);
      expect(body.text).toBe('flaky 2.0.0 was created');
      expect(body.blocks[1].text.text).toContain('<https://ci.example.com/builds/43|Build 43>');
      expect(body.blocks[1].text.text).toMatch(
        /<http:\/\/localhost:\d+\/api\/releases\/[0-9a-f-]+\|Release 2.0.0>/,
      );
    } finally {
      await receiver.close();
      await slack.close();
    }
  });

  it('emails a failed deployment through a real SMTP server, with the password kept secret', async () => {
    const mails: { from: string; to: string[]; data: string; user?: string }[] = [];
    const smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === 'gantry' && auth.password === 'smtp-pass-123')
          callback(null, { user: 'gantry' });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk) => (data += chunk));
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
            user: session.user as string,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    try {
      const created = await platform.api
        .post('/api/subscriptions', {
          name: 'On-call mail',
          kind: 'email',
          to: ['oncall@example.com'],
          from: 'gantry@example.com',
          smtp: {
            host: '127.0.0.1',
            port,
            secure: false,
            username: 'gantry',
            password: 'smtp-pass-123',
          },
          events: ['deployment.failed'],
          projects: ['mailed'],
        })
        .expect(201);
      expect(created.body.smtp).toMatchObject({
        host: '127.0.0.1',
        username: 'gantry',
        password: '********',
      });
      const release = await client.createRelease('mailed', '1.0.0', '1.0.0-crash');
      await client.finished((await client.onlyOf('mailed', 'dev', release.id)).id);
      const [mail] = await eventually(
        async () => (mails.length ? mails : undefined),
        20_000,
        'the email',
      );
      expect(mail).toMatchObject({
        from: 'gantry@example.com',
        to: ['oncall@example.com'],
        user: 'gantry',
      });
      expect(mail.data).toContain('Subject: [Gantry] mailed 1.0.0 to Dev FAILED');
    } finally {
      await new Promise((resolve) => smtp.close(() => resolve(undefined)));
    }
  });
});
