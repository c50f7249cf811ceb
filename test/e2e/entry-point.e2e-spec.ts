import { assertBuilt, runGantryToExit, startGantry } from '../support/gantry-process';

/** The one entry point (apps/gantry) run as a user runs it: from dist/, configured by the environment. */
describe('gantry entry point', () => {
  beforeAll(assertBuilt);

  it('runs the sandbox alone with its settings from the validated configuration', async () => {
    const gantry = startGantry({
      GANTRY_ROLE: 'sandbox',
      SANDBOX_PORT: '0',
      SANDBOX_STATE_FILE: 'off',
    });
    try {
      const [, url] = await gantry.waitFor(/AWS sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const state = (await (await fetch(`${url}/_sandbox/state`)).json()) as { stacks: unknown[] };
      expect(state.stacks).toEqual([]);
      gantry.child.kill('SIGTERM');
      expect(await gantry.exited).toBe(0);
    } finally {
      gantry.child.kill('SIGKILL');
    }
  });

  it('refuses SANDBOX_TIME_SCALE=0 for the sandbox too, in one line naming the variable', async () => {
    const { code, output } = await runGantryToExit({
      GANTRY_ROLE: 'sandbox',
      SANDBOX_PORT: '0',
      SANDBOX_TIME_SCALE: '0',
    });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(/^Invalid configuration: SANDBOX_TIME_SCALE /),
    ]);
  });
});
