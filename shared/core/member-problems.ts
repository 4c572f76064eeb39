/** Members rows that quietly change who gets mail: one person on two rows, one mailbox on two rows, hidden characters, a domain outside the allowlist. */
import { ownerKey, repeatedMembers } from "./member-directory.js";
import { inAllowedDomains, normaliseAddress } from "./recipients.js";
import { deleteInvisible, invisibleNote, withoutInvisible } from "./text.js";
import type { LogData, Member, Problem } from "./types.js";

const at = (member: Member, column: string, message: string): Problem => ({ tab: "Members", row: member.row, ref: "", column, message });

/**
 * The same person on two active rows (Names that match as owners do). With one Email they are
 * treated as one member, so mail still goes; with two, owners naming them match both and nobody
 * is chased.
 */
function repeatedNames(members: readonly Member[]): Problem[] {
  return repeatedMembers(members).map(({ member, earlier, sameEmail }) => {
    const where = `Name "${withoutInvisible(member.name)}" is also on row ${earlier.row} (${withoutInvisible(earlier.name)})`;
    const effect = sameEmail
      ? "with the same Email, so the two rows are read as one member"
      : "with a different Email, so actions owned by this name reach neither";
    const twoPeople = sameEmail ? "" : " (if they are two people, make their Names different)";
    return at(member, "Name", `${where}, ${effect}; delete one of the two rows or mark one inactive${twoPeople}`);
  });
}

/** One mailbox on two active rows with different Names: it gets two digests a week. */
function repeatedEmails(members: readonly Member[]): Problem[] {
  const problems: Problem[] = [];
  const firstRow = new Map<string, Member>();
  for (const member of members) {
    if (member.email === "" || !member.active) continue;
    const key = normaliseAddress(member.email);
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, member);
    // The same Name too is one person twice, reported by Name.
    else if (ownerKey(first.name) !== ownerKey(member.name)) {
      problems.push(at(member, "Email", `Email ${member.email} is also ${first.name}'s (row ${first.row}), so that mailbox gets two digests a week; if they are one person, keep one row and list the other name under Aliases`));
    }
  }
  return problems;
}

/** A Name, Initials or alias with an invisible character: it still matches, but the cell is not what it shows. */
function hiddenCharacters(members: readonly Member[]): Problem[] {
  const problems: Problem[] = [];
  for (const member of members) {
    const cells: [string, string][] = [["Name", member.name], ["Initials", member.initials], ...member.aliases.map((alias): [string, string] => ["Aliases", alias])];
    for (const [column, text] of cells) {
      const note = invisibleNote(text);
      const what = column === "Aliases" ? `Alias "${withoutInvisible(text)}" in Aliases` : `${column} "${withoutInvisible(text)}"`;
      if (note !== null) problems.push(at(member, column, `${what} ${note}; ${deleteInvisible(note)}`));
    }
  }
  return problems;
}

function outsideDomains(log: LogData): Problem[] {
  const domains = log.settings.allowedDomains;
  return log.members
    .filter((member) => member.email !== "" && member.active && !inAllowedDomains(member.email, domains))
    .map((member) =>
      at(member, "Email", `Email ${member.email} is outside allowed_domains (${domains.join(", ")}), so ${member.name || "this member"} gets no email; give an address in those domains, or add its domain to allowed_domains in Settings`),
    );
}

/** Every Members problem, in row order: repeated names, repeated mailboxes, hidden characters, domains. */
export function memberProblems(log: LogData): Problem[] {
  const problems = [...repeatedNames(log.members), ...repeatedEmails(log.members), ...hiddenCharacters(log.members), ...outsideDomains(log)];
  return problems.sort((a, b) => a.row - b.row);
}
