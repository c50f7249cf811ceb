import { decodeCursor, encodeCursor } from './deployment-cursor';

describe('deployment cursor', () => {
  it('round-trips a (created_at, seq) to the microsecond', () => {
    const cursor = { createdAt: '2026-12-04T15:36:21.123456Z', seq: '1000001' };
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ['not base64 of a cursor', 'nope'],
    ['a date without microseconds', Buffer.from('2026-12-04T15:36:21Z|1').toString('base64url')],
    ['an impossible date', Buffer.from('2026-13-45T15:36:21.000000Z|1').toString('base64url')],
    [
      'a seq beyond bigint',
      Buffer.from(`2026-12-04T15:36:21.000000Z|${'9'.repeat(19)}`).toString('base64url'),
    ],
    ['an empty value', ''],
  ])('refuses %s', (_, value) => {
    expect(decodeCursor(value)).toBeNull();
  });
});
