/**
 * Whether a person may start an answer on the operator's key: the month's
 * spend against their limit (the admin's for the account, else
 * MONTHLY_LIMIT_USD). Pure: the caller reads the spend.
 */

/** A refusal over budget: the limit and what was spent. */
export interface OverBudget {
  limitUsd: number;
  spentUsd: number;
}

/** The monthly limit that applies: the account's, else the deployment's, else none. */
export function monthlyLimit(
  accountLimit: number | null | undefined,
  deploymentLimit: number | undefined,
): number | undefined {
  return accountLimit ?? deploymentLimit ?? undefined;
}

/** Null when `spentUsd` leaves room under `limitUsd`, else the refusal. */
export function checkBudget(
  spentUsd: number,
  limitUsd: number | undefined,
): OverBudget | null {
  if (limitUsd === undefined) return null;
  // A limit of 0 refuses every answer; otherwise one may start while under it.
  return spentUsd >= limitUsd ? { limitUsd, spentUsd } : null;
}

/** A USD amount as a person reads it: cents, or more digits below a cent. */
export function formatUsd(amount: number): string {
  if (amount === 0) return "$0.00";
  if (amount < 0.01) return `$${amount.toPrecision(2)}`;
  return `$${amount.toFixed(2)}`;
}
