/** Jobs on one spreadsheet never overlap within an instance; jobs on different spreadsheets do not wait for each other. */
import { describe, expect, it } from "vitest";
import { oneJobAtATime } from "../../functions/sheet-queue.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("oneJobAtATime", () => {
  it("runs one sheet's jobs one after another, in arrival order, each starting after the last has finished", async () => {
    const events: string[] = [];
    const job = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([oneJobAtATime("A", job("1")), oneJobAtATime("A", job("2")), oneJobAtATime("A", job("3"))]);
    expect(results).toEqual(["1", "2", "3"]);
    expect(events).toEqual(["1 start", "1 end", "2 start", "2 end", "3 start", "3 end"]);
  });

  it("lets another sheet's job run alongside", async () => {
    const events: string[] = [];
    const job = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
    };
    await Promise.all([oneJobAtATime("A", job("A1")), oneJobAtATime("B", job("B1"))]);
    expect(events.slice(0, 2).sort()).toEqual(["A1 start", "B1 start"]);
  });

  it("a failed job fails its own caller only, and the next job still runs", async () => {
    const failing = oneJobAtATime("C", async () => {
      await tick();
      throw new Error("Sheets said 503");
    });
    const next = oneJobAtATime("C", async () => "ran");
    await expect(failing).rejects.toThrow("Sheets said 503");
    await expect(next).resolves.toBe("ran");
  });
});
