import type { DomainError } from './domain-error';

/** The DomainError `work` throws, for specs that assert on its code, message and details. */
export function thrownDomainError(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected an error');
}
