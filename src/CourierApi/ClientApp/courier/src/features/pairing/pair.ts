import { describeProblem } from "../../../../shared/api/problem";
import { courierApi } from "../../session";

/** Exchanges a short pairing code (typed, or from the QR code's /courier/pair?code=…) for the device token. */
export async function pairWithCode(code: string): Promise<{ token?: string; reason?: string; offline?: boolean }> {
  try {
    const { data, error, response } = await courierApi.POST("/api/v1/devices/pair", { body: { code: code.toUpperCase(), deviceName: null } });
    if (response.ok && data) return { token: data.token };
    return { reason: describeProblem(error, String(response.status)) };
  } catch {
    return { offline: true };
  }
}
