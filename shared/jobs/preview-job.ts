/** The preview use case: one member's digest as it would be sent on a day, read-only. */
import type { DateTime } from "luxon";
import { parseLog } from "../../sheets-schema/parse-log.js";
import type { Workbook } from "../adapters/workbook.js";
import { previewDigest } from "../core/digest-plan.js";
import type { RenderedMail } from "../core/email-render.js";
import { ActionlogError } from "../core/errors.js";
import { buildMemberDirectory, resolveOwner } from "../core/owners.js";
import { validateLog } from "../core/validate.js";

export interface DigestPreview extends RenderedMail {
  /** The member's name as in Members. */
  person: string;
  /** Their Email ("" when they have none: the preview still renders). */
  email: string;
}

/**
 * Finds `person` the way an Owner cell is read (name, initials or alias) and renders their
 * digest, even when nothing is due, so the PMO can see what members will get. Used by
 * `actionlog preview` and the sheet's Preview digest menu.
 */
export async function runPreview(workbook: Workbook, options: { person: string; now: DateTime }): Promise<DigestPreview> {
  const log = parseLog(await workbook.read());
  const resolution = resolveOwner(options.person, buildMemberDirectory(log.members));
  const [member, ...others] = resolution.members;
  if (member === undefined || others.length > 0) {
    const issue = resolution.issues[0];
    const why =
      others.length > 0 ? `names ${resolution.members.length} members` : issue?.kind === "ambiguous" ? `matches ${issue.candidates.join(" and ")}` : "is not in Members";
    throw new ActionlogError("USAGE", `"${options.person}" ${why}; give one member's name, initials or alias as written in the Members tab`);
  }
  const mail = previewDigest(log, validateLog(log, options.now), options.now, member);
  return { ...mail, person: member.name, email: member.email };
}
