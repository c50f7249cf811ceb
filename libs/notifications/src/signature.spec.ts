import { signWebhook, verifyWebhook } from './signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ event: 'deployment.failed' });
  const now = 1_800_000_000_000;
  const header = signWebhook('s3cret-s3cret-s3cret', body, now / 1000);

  it.each([
    ['the signed body', 's3cret-s3cret-s3cret', body, header, now, true],
    ['another secret', 'another-secret-value', body, header, now, false],
    ['an altered body', 's3cret-s3cret-s3cret', `${body} `, header, now, false],
    ['a timestamp too old', 's3cret-s3cret-s3cret', body, header, now + 301_000, false],
    ['no v1 part', 's3cret-s3cret-s3cret', body, `t=${now / 1000}`, now, false],
    ['garbage', 's3cret-s3cret-s3cret', body, 'nonsense', now, false],
  ])('%s', (_name, secret, payload, signature, at, expected) => {
    expect(verifyWebhook(secret, payload, signature, 300, at)).toBe(expected);
  });
});
