import { createHash, createHmac } from 'node:crypto';
import { AccessService } from '../../apps/api/src/access/access.service';
import { ADMIN_KEY, ApiHarness, startApi } from '../support/api-harness';

const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

describe('API key storage: keyed hashes, no part of an operator-chosen key shown', () => {
  let api: ApiHarness;
  const hmac = (key: string) => createHmac('sha256', api.masterKey).update(key).digest('hex');
  const rowsNamed = (name: string) =>
    api.db.dataSource.query(`SELECT key_hash, key_prefix FROM api_keys WHERE name = $1`, [name]);
  const status = async (key: string) =>
    (await api.anonymous().get('/api/environments').set('Authorization', `Bearer ${key}`)).status;

  beforeAll(async () => {
    api = await startApi('api-key-storage');
  });
  afterAll(() => api.close());

  it('shows no characters of the bootstrap key in the key list', async () => {
    const list = await api.get('/api/api-keys').expect(200);
    const bootstrap = list.body.items.find((key: { name: string }) => key.name === 'bootstrap');
    expect(bootstrap.keyPrefix).toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(ADMIN_KEY.slice(0, 6));
  });

  it('stores the bootstrap key as an HMAC under the master key, not a bare SHA-256', async () => {
    expect(await rowsNamed('bootstrap')).toEqual([{ key_hash: hmac(ADMIN_KEY), key_prefix: '' }]);
  });

  it('stores generated keys keyed too, and still shows their gnt_ prefix', async () => {
    const created = await api.post('/api/api-keys', { name: 'ci', role: 'viewer' }).expect(201);
    expect(created.body.keyPrefix).toBe(created.body.key.slice(0, 8));
    expect(await rowsNamed('ci')).toEqual([
      { key_hash: hmac(created.body.key), key_prefix: created.body.key.slice(0, 8) },
    ]);
    expect(await status(created.body.key)).toBe(200);
  });

  it('keeps a key stored by an earlier version working, and rehashes it on first use', async () => {
    const legacy = 'operator-chosen-legacy-key-0001';
    await api.db.dataSource.query(
      `INSERT INTO api_keys (name, role, key_hash, key_prefix) VALUES ('legacy', 'viewer', $1, '')`,
      [sha256(legacy)],
    );
    expect(await status(legacy)).toBe(200);
    expect(await rowsNamed('legacy')).toEqual([{ key_hash: hmac(legacy), key_prefix: '' }]);
    expect(await status(legacy)).toBe(200);
  });

  it('upgrades a bootstrap key stored by an earlier version in place at start', async () => {
    await api.db.dataSource.query(
      `UPDATE api_keys SET key_hash = $1, key_prefix = $2 WHERE name = 'bootstrap'`,
      [sha256(ADMIN_KEY), ADMIN_KEY.slice(0, 8)],
    );
    await api.app.get(AccessService).onApplicationBootstrap();
    expect(await rowsNamed('bootstrap')).toEqual([{ key_hash: hmac(ADMIN_KEY), key_prefix: '' }]);
  });
});
