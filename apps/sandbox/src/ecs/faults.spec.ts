import { imageFault, taskFault } from './faults';

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
