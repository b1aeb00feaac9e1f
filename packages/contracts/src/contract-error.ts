/** A message or AI output that does not match its contract. `reason` says which field and why. */
export class ContractError extends Error {
  constructor(
    readonly contract: string,
    readonly reason: string,
  ) {
    super(`${contract} does not match its contract: ${reason}`);
    this.name = 'ContractError';
  }
}
