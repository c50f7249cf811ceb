import { containerExit, crashesOnTraffic, imageFault, taskFault } from './faults';

describe('imageFault', () => {
  it.each([
    ['nginx:1.27', 'none'],
    ['nginx', 'none'],
    ['registry:5000/app', 'none'],
    ['registry:5000/app:v1-crash', 'crash'],
    ['123.dkr.ecr.eu-west-1.amazonaws.com/api:pull-error', 'pull-error'],
    ['api:slow-start', 'slow'],
    ['api:1.0@sha256:abc', 'none'],
    ['crash/app:1.0', 'none'],
    ['web:1.1.0-crash-on-traffic', 'none'],
    ['web:crash-on-traffic-slow', 'slow'],
  ])('%s -> %s', (image, fault) => {
    expect(imageFault(image)).toBe(fault);
  });

  it.each([
    [['a:1', 'b:crash'], 'crash'],
    [['a:crash', 'b:pull-error'], 'pull-error'],
    [['a:slow', 'b:1'], 'slow'],
    [[], 'none'],
  ])('taskFault(%j) -> %s', (images, fault) => {
    expect(taskFault(images)).toBe(fault);
  });
});

describe('containerExit', () => {
  it.each<[string, boolean, ReturnType<typeof containerExit>]>([
    ['migrate:1.4.0', true, { exitCode: 0, after: 'run' }],
    ['migrate:1.4.0', false, undefined],
    ['migrate:1.4.0-exit-3', true, { exitCode: 3, after: 'run' }],
    ['migrate:exit-0', false, { exitCode: 0, after: 'run' }],
    ['migrate:exit-256', true, { exitCode: 0, after: 'run' }],
    ['migrate:noexit-2', true, { exitCode: 0, after: 'run' }],
    ['migrate:crash', true, { exitCode: 1, after: 'crash' }],
    ['web:v1-crash', false, { exitCode: 1, after: 'crash' }],
    ['migrate:hang', true, undefined],
    ['exit-4/app:1', true, { exitCode: 0, after: 'run' }],
    ['web:1.1.0-crash-on-traffic', false, undefined],
  ])('%s (standalone %s)', (image, standalone, expected) => {
    expect(containerExit(image, standalone)).toEqual(expected);
  });
});

describe('crashesOnTraffic', () => {
  it.each([
    ['web:1.1.0-crash-on-traffic', true],
    ['web:1.1.0-crash', false],
    ['crash-on-traffic/web:1', false],
  ])('%s -> %s', (image, expected) => {
    expect(crashesOnTraffic(image)).toBe(expected);
  });
});
