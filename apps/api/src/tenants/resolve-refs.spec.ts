import { DomainError } from '@gantry/domain';
import { resolveTogether } from './resolve-refs';

/** A lookup that knows only `dev` and `prod` and words errors like getManyByRef. */
const lookup = async (refs: string[], path: string) => {
  const errors = refs.flatMap((ref, index) =>
    ['dev', 'prod'].includes(ref)
      ? []
      : [{ path: `${path}.${index}`, message: `environment '${ref}' does not exist` }],
  );
  if (errors.length) throw new DomainError('not_found', 'Unknown environment reference(s)', errors);
  return refs.map((ref) => ({ id: `id-${ref}` }));
};

const failure = async (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: DomainError) => error,
  );

describe('resolveTogether', () => {
  it.each([
    ['both found', ['dev'], ['prod'], []],
    ['first unknown', ['qa'], ['prod'], ['environments.0']],
    ['both unknown', ['qa'], ['uat', 'prod'], ['environments.0', 'tenants.0']],
  ])('%s', async (_label, first, second, paths) => {
    const error = await failure(
      resolveTogether(lookup(first, 'environments'), lookup(second, 'tenants')),
    );
    expect(error?.errors.map((e) => e.path) ?? []).toEqual(paths);
  });

  it('passes on an error that is not a not_found', async () => {
    const broken = new Error('connection lost');
    await expect(resolveTogether(Promise.reject(broken), lookup(['qa'], 'tenants'))).rejects.toBe(
      broken,
    );
  });
});
