import { describeProblem } from "../../../../shared/api/problem";

/**
 * Exchanges a short pairing code for the device token (POST /api/v1/devices/pair, anonymous). Until the host has
 * pairing codes the dispatcher hands out the device token itself, which the pairing screen accepts directly.
 */
export async function pairWithCode(code: string): Promise<{ token?: string; reason?: string; offline?: boolean }> {
  let response: Response;
  try {
    response = await fetch("/api/v1/devices/pair", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }),
    });
  } catch {
    return { offline: true };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && body && typeof body === "object" && "token" in body && typeof body.token === "string") return { token: body.token };
  return { reason: describeProblem(body, String(response.status)) };
}
