import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runCli } from '../../apps/cli/src/testing/run-cli';
import { ADMIN_KEY, ApiHarness, startApi } from '../support/api-harness';

const EXAMPLE = join(__dirname, '../../docs/examples/gantry.yaml');

describe('gantry apply of docs/examples/gantry.yaml against the real API', () => {
  let api: ApiHarness;
  let server: string;

  beforeAll(async () => {
    api = await startApi('cli-example');
    await api.app.listen(0, '127.0.0.1');
    server = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => api.close());

  const apply = () =>
    runCli(['apply', '-f', EXAMPLE], { GANTRY_SERVER: server, GANTRY_API_KEY: ADMIN_KEY });

  it('creates every item, then finds nothing to change', async () => {
    const first = await apply();
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(
      first.out
        .trim()
        .split('\n')
        .every((line) => line.endsWith(' created')),
    ).toBe(true);
    const second = await apply();
    expect(second).toMatchObject({ code: 0, err: '' });
    expect(second.out).toBe(first.out.replace(/ created\n/g, ' unchanged\n'));
  });
});
