/** Filters of the stops behind a figure, as the URL and the stops endpoint name them. */
export type StopQuery = Partial<Record<"date" | "courierId" | "zone" | "slot" | "hour" | "weekday" | "result" | "cause", string>>;
