import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/gantry',
      REDIS_URL: 'redis://127.0.0.1:6379',
      GANTRY_ROLE: 'all',
      SANDBOX_PORT: 4566,
      SANDBOX_TIME_SCALE: 1,
      WORKER_CONCURRENCY: 50,
      AWS_UNREACHABLE_SECONDS: 300,
      SHUTDOWN_TIMEOUT_SECONDS: 25,
      SANDBOX_STATE_FILE: '.gantry/sandbox-state.json',
      TRUST_PROXY: false,
    });
  });

  it.each([
    ['off', undefined],
    ['/var/lib/gantry/sandbox.json', '/var/lib/gantry/sandbox.json'],
  ])('SANDBOX_STATE_FILE=%s keeps the sandbox state in %s', (value, file) => {
    expect(loadConfig({ SANDBOX_STATE_FILE: value }).SANDBOX_STATE_FILE).toBe(file);
  });

  it.each([
    ['true', true],
    ['2', 2],
    ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
  ])('TRUST_PROXY=%s trusts %j', (value, trusted) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(trusted);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ TRUST_PROXY: 'everyone' }, /TRUST_PROXY/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres: or postgresql: URL/],
    [{ REDIS_URL: 'nope' }, /REDIS_URL/],
    [{ GANTRY_ROLE: 'boss' }, /GANTRY_ROLE/],
    [{ SANDBOX_TIME_SCALE: '0' }, /SANDBOX_TIME_SCALE/],
    [{ WORKER_CONCURRENCY: '0' }, /WORKER_CONCURRENCY/],
    [{ AWS_UNREACHABLE_SECONDS: '0' }, /AWS_UNREACHABLE_SECONDS/],
    [{ SHUTDOWN_TIMEOUT_SECONDS: '0' }, /SHUTDOWN_TIMEOUT_SECONDS/],
    [{ GANTRY_MASTER_KEY: 'short' }, /GANTRY_MASTER_KEY must be 32 bytes/],
    [{ GANTRY_BOOTSTRAP_API_KEY: 'abc' }, /GANTRY_BOOTSTRAP_API_KEY must be at least 16/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', GANTRY_ROLE: 'y' })).toThrow(
      /PORT.*GANTRY_ROLE|GANTRY_ROLE.*PORT/,
    );
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });
  describe('never echoes a secret', () => {
    const refusal = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('accepted');
    };

    it('a bad GANTRY_MASTER_KEY is named, none of it shown', () => {
      const key = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829';
      const message = refusal({ GANTRY_MASTER_KEY: key });
      expect(message).toMatch(/GANTRY_MASTER_KEY must be 32 bytes/);
      expect(message).not.toContain(key.slice(0, 8));
    });

    it('a short GANTRY_BOOTSTRAP_API_KEY is named, not shown', () => {
      const message = refusal({ GANTRY_BOOTSTRAP_API_KEY: 'hunter2-secret' });
      expect(message).toMatch(/GANTRY_BOOTSTRAP_API_KEY must be at least 16/);
      expect(message).not.toContain('hunter2');
    });

    it.each([
      ['DATABASE_URL', 'mysql://gantry:s3cr3t-pw@db.internal:3306/gantry'],
      ['DATABASE_URL', 'postgres//gantry:s3cr3t-pw@db.internal/gantry'],
      ['REDIS_URL', 'http://:s3cr3t-pw@cache.internal:6379'],
    ])('a bad %s shows where it points, never its password', (variable, value) => {
      const message = refusal({ [variable]: value });
      expect(message).toMatch(new RegExp(`${variable} must be a`));
      expect(message).not.toContain('s3cr3t');
    });

    it('a plain bad value is still shown, to say what was wrong', () => {
      expect(refusal({ PORT: 'eighty' })).toMatch(/PORT .*"eighty"/);
    });
  });
});
