import { Scheduler } from './scheduler';

describe('Scheduler', () => {
  it('runs callbacks in time order, scaled, from one timer', async () => {
    const scheduler = new Scheduler(0.01);
    const order: string[] = [];
    scheduler.after(3000, () => order.push('c'));
    scheduler.after(1000, () => order.push('a'));
    scheduler.after(1000, () => order.push('b'));
    scheduler.after(0, () => order.push('now'));
    expect(scheduler.pending).toBe(4);
    await scheduler.sleep(4000);
    expect(order).toEqual(['now', 'a', 'b', 'c']);
    scheduler.close();
  });

  it.each([
    [1, 2000, 2000],
    [0.01, 2000, 20],
    [0, 2000, 0],
  ])('at time scale %d, %d ms are %d real ms', (scale, ms, real) => {
    expect(new Scheduler(scale).scaled(ms)).toBe(real);
  });

  it('keeps 10,000 entries in one heap and runs them all', async () => {
    const scheduler = new Scheduler(0.001);
    let ran = 0;
    for (let i = 0; i < 10_000; i++) scheduler.after((i * 7919) % 5000, () => ran++);
    await scheduler.sleep(6000);
    expect(ran).toBe(10_000);
    scheduler.close();
  });
});
