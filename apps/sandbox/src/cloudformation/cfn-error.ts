/** An error CloudFormation would answer: its code (`ValidationError`, ...), message and HTTP status. */
export class CfnError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const validationError = (message: string): CfnError =>
  new CfnError('ValidationError', message);
export const stackNotFound = (ref: string): CfnError =>
  validationError(`Stack with id ${ref} does not exist`);
export const templateError = (message: string): CfnError =>
  validationError(`Template format error: ${message}`);
