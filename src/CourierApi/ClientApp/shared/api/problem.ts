/** RFC 9457 problem details as the host writes them (title, detail, errors by field, extensions). */
export interface Problem {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && ("title" in value || "detail" in value || "status" in value);
}

/** One readable line: "Title: detail (field: reason; …)". */
export function describeProblem(value: unknown, fallback: string): string {
  if (!isProblem(value)) {
    return fallback;
  }
  const fields = value.errors ? Object.entries(value.errors).map(([field, reasons]) => `${field}: ${reasons.join(", ")}`) : [];
  const head = [value.title, value.detail].filter(Boolean).join(": ") || fallback;
  return fields.length > 0 && !value.detail?.includes(fields[0] ?? "") ? `${head} (${fields.join("; ")})` : head;
}

/** Thrown by `unwrap` so callers can show the problem. */
export class ProblemError extends Error {
  constructor(public readonly problem: Problem | undefined, public readonly status: number, message: string) {
    super(message);
  }
}

/** Data of an openapi-fetch result, or a ProblemError with the server's words. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }, fallback = "The request failed"): T {
  if (result.error !== undefined || !result.response.ok) {
    const problem = isProblem(result.error) ? result.error : undefined;
    throw new ProblemError(problem, result.response.status, describeProblem(result.error, `${fallback} (${result.response.status})`));
  }
  return result.data as T;
}
