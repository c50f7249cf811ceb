import { OutageLog } from './outage-log';

describe('OutageLog', () => {
  it('writes one line per outage, a new one after a quiet spell', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new OutageLog(
      (line) => lines.push(line),
      30_000,
      () => now,
    );
    for (let i = 0; i < 10; i++) {
      log.report('PostgreSQL', new Error('Connection terminated unexpectedly'));
      now += 1_000;
    }
    log.report('Redis', new Error('Connection is closed.'));
    now += 60_000;
    log.report('PostgreSQL', new Error('connect ECONNREFUSED'));
    expect(lines).toEqual([
      'PostgreSQL unavailable, answering 503 until it is back: Connection terminated unexpectedly',
      'Redis unavailable, answering 503 until it is back: Connection is closed.',
      'PostgreSQL unavailable, answering 503 until it is back: connect ECONNREFUSED',
    ]);
  });
});
