import { decodeTenantCursor, encodeTenantCursor } from './tenant-cursor';

describe('tenant page cursor', () => {
  it.each(['Acme', 'Tenant 0042', 'Zürich & Co / 東京'])('round-trips the name %s', (name) => {
    const encoded = encodeTenantCursor(name);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTenantCursor(encoded)).toBe(name);
  });

  it.each([
    ['an empty value', ''],
    ['base64 of something else', Buffer.from('Acme').toString('base64url')],
    ['a deployment cursor', Buffer.from('2026-12-04T15:36:21.123456Z|1').toString('base64url')],
    ['an empty name', Buffer.from('tenant:').toString('base64url')],
    ['a name with U+0000', Buffer.from('tenant:a\u0000b').toString('base64url')],
    [
      'a name longer than any tenant name',
      Buffer.from(`tenant:${'a'.repeat(101)}`).toString('base64url'),
    ],
    ['a cursor with characters outside base64url', `${encodeTenantCursor('Acme')}!`],
    ['bytes that are not UTF-8', Buffer.from([0x74, 0x65, 0x6e, 0xff]).toString('base64url')],
  ])('refuses %s', (_, value) => {
    expect(decodeTenantCursor(value)).toBeNull();
  });
});
