/** The setup use case for a Google Sheet: one read of what is there, the plan, one all-or-nothing write of what is missing. */
import { type SetupOptions, planSheetSetup } from "../adapters/google-setup-requests.js";
import type { SheetSetupTarget } from "../adapters/google-sheet-setup.js";

export interface SetupReport {
  /** What was added, one line each; empty when the sheet was already set up (running init twice changes nothing). */
  changes: string[];
  /** --committee or --name the sheet's Settings already answer otherwise; the sheet's values stay. */
  kept: string[];
}

export async function setupGoogleSheet(target: SheetSetupTarget, options: SetupOptions): Promise<SetupReport> {
  const plan = planSheetSetup(await target.inspect(), options);
  if (plan.requests.length > 0) await target.update(plan.requests);
  return { changes: plan.changes, kept: plan.kept };
}
