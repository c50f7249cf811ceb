import { StartGate } from './start-gate';

describe('StartGate', () => {
  it('lets in as many as it has turns, the next in order as each leaves, each turn ending once', async () => {
    const gate = new StartGate(2);
    const order: string[] = [];
    const first = await gate.enter();
    const second = await gate.enter();
    const third = gate.enter().then((leave) => (order.push('third'), leave));
    const fourth = gate.enter().then((leave) => (order.push('fourth'), leave));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    first();
    first(); // a second leave of the same turn lets nobody else in
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['third']);
    second();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    (await third)();
    (await fourth)();
    // Both turns are free again: two enter at once.
    await Promise.all([gate.enter(), gate.enter()]);
  });
});
