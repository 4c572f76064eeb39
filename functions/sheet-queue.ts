/** Jobs on one spreadsheet run one after another within an instance, so a burst of edit nudges never plans twice from one state. */

const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `job` once every earlier job for `spreadsheetId` in this process has settled. The HTTP
 * functions take up to 20 requests at once, and a member typing in several cells sends a nudge
 * per edit: run side by side, each would plan the same writes from the same read and audit them
 * twice (or, with different changes, append its Audit rows where the other did). Queued, each
 * reads what the one before wrote. Other processes (the scheduled functions, the command line)
 * are still met by the guarded writes.
 */
export function oneJobAtATime<T>(spreadsheetId: string, job: () => Promise<T>): Promise<T> {
  const previous = tails.get(spreadsheetId) ?? Promise.resolve();
  const run = previous.then(job, job);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(spreadsheetId, tail);
  // The map forgets a sheet once its queue is empty, so it holds only sheets being worked on.
  void tail.then(() => {
    if (tails.get(spreadsheetId) === tail) tails.delete(spreadsheetId);
  });
  return run;
}
