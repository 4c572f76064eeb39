/** Human-readable reports for the terminal; --json prints the stable shapes instead. */
import { plural } from "../shared/core/email-items.js";
import { cellText } from "../shared/core/text.js";
import type { Change, Problem } from "../shared/core/types.js";
import type { RolloverReport } from "../shared/jobs/rollover-job.js";
import type { ValidateReport } from "../shared/jobs/validate-job.js";

/** `Actions row 14 (DAG29-03): Due "31/02/2024" is not a date; ...` */
export const problemLine = (p: Problem): string =>
  `${p.tab}${p.row > 0 ? ` row ${p.row}` : ""}${p.ref ? ` (${p.ref})` : ""}: ${p.message}`;

const changeLine = (c: Change): string =>
  `${c.tab} row ${c.row}${c.ref ? ` (${c.ref})` : ""} ${c.column}: ${show(c.old)} -> ${show(c.new)} (${c.reason})`;

const show = (value: Change["old"]): string => {
  const text = cellText(value).replace(/\n/g, " / ");
  return text === "" ? "(blank)" : `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
};

export function formatValidate(sheet: string, report: ValidateReport, dryRun: boolean): string {
  const verb = dryRun ? "would write" : "wrote";
  const lines = [`Checked ${plural(report.rows, "row")} in ${sheet}: ${plural(report.problems.length, "problem")}, ${verb} ${plural(report.changes.length, "change")}.`];
  if (report.problems.length > 0) lines.push("", "Problems (those on Actions rows are also in their Checks cell):", ...report.problems.map((p) => `  ${problemLine(p)}`));
  if (report.changes.length > 0) lines.push("", dryRun ? "Changes (dry run, nothing written):" : "Changes (each recorded in the Audit tab):", ...report.changes.map((c) => `  ${changeLine(c)}`));
  if (report.skipped > 0) lines.push("", `${plural(report.skipped, "change")} skipped because the sheet changed meanwhile; run validate again.`);
  return lines.join("\n");
}

export function formatRollover(sheet: string, report: RolloverReport, dryRun: boolean): string {
  const fresh = report.register.filter((e) => e.section === "new").length;
  const lines = [
    `Register for meeting ${report.next} (${plural(fresh, "new action")}, ${report.register.length - fresh} from previous meetings)` +
      (dryRun ? " (dry run, nothing written)" : report.registerWritten ? ` written to the "${report.tab}" tab of ${sheet}.` : ` is unchanged in the "${report.tab}" tab of ${sheet}.`),
    "",
    ...report.register.map((e) => `  ${e.section === "new" ? "new " : "prev"}  ${e.ref.padEnd(10)} ${e.due.padEnd(10)} ${e.section === "previous" ? `carried ${e.carried}  ` : ""}${e.owner.replace(/\s+/g, " ")}`),
  ];
  if (report.warnings.length > 0) lines.push("", "Warnings:", ...report.warnings.map((w) => `  ${w}`));
  if (report.skipped > 0) lines.push("", `${plural(report.skipped, "change")} skipped because the sheet changed meanwhile; run rollover again.`);
  return lines.join("\n");
}
