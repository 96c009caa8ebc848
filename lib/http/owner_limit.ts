/** Owner quotas and rates (lib/chats/owner_quota.ts) as API errors. */
import { OwnerLimitError } from "@/lib/chats/owner_quota.ts";
import { ApiError } from "./api.ts";

/** Runs a quota check; a rate is a 429 with Retry-After, a full quota a 413. */
export async function admit(check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof OwnerLimitError)) throw error;
    if (error.kind === "rate") {
      throw new ApiError("rate_limited", error.message, {
        "Retry-After": String(error.retryAfterSeconds ?? 60),
      });
    }
    throw new ApiError("payload_too_large", error.message);
  }
}
