import { describe, expect, it } from "vitest";
import { legDrivingMinutes } from "./legs";

const stop = (lon: number, lat: number) => ({ longitude: lon, latitude: lat }) as never;

describe("legDrivingMinutes", () => {
  it("shares the route's driving time by leg length", () => {
    const route = { travelHours: 1, stops: [stop(0.01, 0), stop(0.03, 0)] } as never;
    const legs = legDrivingMinutes(route, [0, 0]);
    expect(legs).toHaveLength(3);
    expect(legs.reduce((a, b) => a + b, 0)).toBeCloseTo(60);
    expect(legs[0]! * 2).toBeCloseTo(legs[1]!);
    expect(legs[2]!).toBeCloseTo(legs[0]! * 3);
  });
});
