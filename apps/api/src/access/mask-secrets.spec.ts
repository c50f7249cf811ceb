import { maskSecrets, storable } from './mask-secrets';

describe('maskSecrets', () => {
  it('masks secret fields and sensitive variable values at any depth', () => {
    const body = {
      name: 'prod',
      credentials: { type: 'keys', accessKeyId: 'AKIA', secretAccessKey: 'abc' },
      items: [
        { name: 'Db.Password', value: 'hunter2', sensitive: true },
        { name: 'LogLevel', value: 'info', sensitive: false },
      ],
    };
    expect(maskSecrets(body)).toEqual({
      name: 'prod',
      credentials: { type: 'keys', accessKeyId: 'AKIA', secretAccessKey: '********' },
      items: [
        { name: 'Db.Password', value: '********', sensitive: true },
        { name: 'LogLevel', value: 'info', sensitive: false },
      ],
    });
  });

  it.each([
    ['plain text', 'é€😀', 'é€😀'],
    ['a NUL', 'a\u0000b', 'a\ufffdb'],
    ['a lone high surrogate', 'a\ud800', 'a\ufffd'],
    ['a lone low surrogate', '\udc00b', '\ufffdb'],
  ])('makes %s storable', (_label, text, expected) => {
    expect(storable(text)).toBe(expected);
    expect(maskSecrets({ [text]: [text] })).toEqual({ [expected]: [expected] });
  });
});

describe('maskSecrets: notification subscriptions', () => {
  it('masks a subscription URL and signing secret, not a build link', () => {
    expect(
      maskSecrets({
        url: 'https://hooks.slack.com/services/T0/B0/token',
        secret: 'signing-secret-123456',
        smtp: { host: 'smtp.example.com', password: 'p' },
        build: { url: 'https://ci.example.com/build/7' },
      }),
    ).toEqual({
      url: '********',
      secret: '********',
      smtp: { host: 'smtp.example.com', password: '********' },
      build: { url: 'https://ci.example.com/build/7' },
    });
  });
});
