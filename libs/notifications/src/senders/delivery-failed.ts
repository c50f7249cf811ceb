/** A receiver refused or could not be reached; the attempt is recorded and retried. */
export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly responseStatus: number | null = null,
  ) {
    super(message);
    this.name = 'DeliveryFailed';
  }
}
