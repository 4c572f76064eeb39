/** Owner cells as members really type them (messy QA 4, 5, 6, 12.6; sec QA 8): Emails, one name per line, notes in brackets, placeholders, hidden characters, one person on two rows. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMemberDirectory, type OwnerIssue, ownerProblemMessages, resolveOwner } from "../../../shared/core/owners.js";
import type { Member } from "../../../shared/core/types.js";
import { directory, members, names } from "../../support/seed-members.js";

const messages = (text: string, dir = directory): string[] => ownerProblemMessages(text, resolveOwner(text, dir));

describe("resolveOwner: forms members type", () => {
  it.each<[string, string[]]>([
    // A member's Email, in any case (messy QA 5).
    ["paul.pettitt@example.org", ["Paul Pettitt"]],
    ["PAUL.PETTITT@Example.ORG", ["Paul Pettitt"]],
    ["mailto:lee.cox@example.org", ["Lee Cox"]],
    ["<lee.cox@example.org>", ["Lee Cox"]],
    ["lee.cox@example.org; matt.hall@example.org", ["Lee Cox", "Matt Hall"]],
    ["Programme (paul.pettitt@example.org)", ["Paul Pettitt"]],
    // One name per line, pasted from a Word cell (messy QA 4).
    ["Lee Cox\nMatt Hall", ["Lee Cox", "Matt Hall"]],
    ["Lee Cox\r\nMatt Hall\r\n", ["Lee Cox", "Matt Hall"]],
    ["Lee Cox\u2028Matt Hall", ["Lee Cox", "Matt Hall"]],
    ["PP\nLC\nMH", ["Paul Pettitt", "Lee Cox", "Matt Hall"]],
    ["Programme (PMO)\nLee Cox", ["Fraser Mathieson", "Lee Cox"]],
    ["Programme\n(Lee Cox)", ["Lee Cox"]],
    // A note in brackets after a known name is no name (messy QA 4).
    ["Lee Cox (lead), Matt Hall", ["Lee Cox", "Matt Hall"]],
    ["Lee Cox (Lead.)", ["Lee Cox"]],
    ["Lee Cox (tbc)", ["Lee Cox"]],
    ["LC (co-lead) & MH (support)", ["Lee Cox", "Matt Hall"]],
    ["Justin Andrews (Chair)", ["Justin Andrews"]],
    ["Matt Hall (on behalf of Lee Cox)", ["Matt Hall", "Lee Cox"]],
    ["Matt Hall on behalf of Lee Cox", ["Matt Hall", "Lee Cox"]],
    ["Matt Hall (for Lee Cox)", ["Matt Hall", "Lee Cox"]],
    ["Seth Chapman (SC)", ["Seth Chapman"]],
    // Titles and a plus.
    ["Mr Lee Cox", ["Lee Cox"]],
    ["Dr. Matt Hall", ["Matt Hall"]],
    ["Lee Cox + Matt Hall", ["Lee Cox", "Matt Hall"]],
    // Text after the brackets that is not a name is reported, never split into garbage (messy QA 4).
    ["Programme (Lee Cox) \u2013 by 13/10", ["Lee Cox"]],
    ["Lee Cox (DAG)", ["Lee Cox"]],
    ["Programme - Lee Cox", ["Lee Cox"]],
    // The seed minutes' own form: a lower-case bracket describing the role, beside the person (visual QA).
    ["DCC Representative (as smart meter central system provider) (Stuart Scott)", ["Stuart Scott"]],
    ["DCC Representative (Stuart Scott) (as smart meter central system provider)", ["Stuart Scott"]],
  ])("%j → %j", (text, expected) => {
    expect(names(resolveOwner(text, directory).members)).toEqual(expected);
  });

  it.each<[string, OwnerIssue[]]>([
    ["Programme (Lee Cox) \u2013 by 13/10", [{ kind: "unknown", name: "by 13/10" }]],
    ["Lee Cox - Programme", [{ kind: "unknown", name: "Programme" }]],
    ["Anne-Marie Duff", [{ kind: "unknown", name: "Anne-Marie Duff" }]],
    ["Lee Cox (DAG)", [{ kind: "unknown", name: "DAG" }]],
    // A wrong name is never hidden: not behind an alias, a title, or the lines of a cell.
    ["PMO (Nobody)", [{ kind: "unknown", name: "Nobody" }]],
    ["Programme (lead)", [{ kind: "unknown", name: "Programme" }]],
    // A description is skipped only beside a named member: alone, or beside a wrong name, it is reported.
    ["Programme (as agreed)", [{ kind: "unknown", name: "as agreed" }]],
    ["Programme (as agreed) (Jo Bloggs)", [{ kind: "unknown", name: "as agreed" }, { kind: "unknown", name: "Jo Bloggs" }]],
    ["DCC Representative (as provider) (Stuart Scott) (Jo Bloggs)", [{ kind: "unknown", name: "Jo Bloggs" }]],
    ["Mr Jo Bloggs", [{ kind: "unknown", name: "Mr Jo Bloggs" }]],
    ["Lee Cox\nJo Bloggs", [{ kind: "unknown", name: "Lee Cox Jo Bloggs" }]],
    ["nobody@example.org", [{ kind: "unknown", name: "nobody@example.org" }]],
    ["Caroline.Farquhar@example.org", [{ kind: "inactive", name: "Caroline.Farquhar@example.org", member: "Caroline Farquhar" }]],
  ])("%j has issues %j", (text, expected) => {
    expect(resolveOwner(text, directory).issues).toEqual(expected);
  });
});

describe("ownerProblemMessages: advice that fits what was written (messy QA 4, 5, 12.6)", () => {
  const nobody = (name: string) => `Owner "${name}" names nobody; write the person who will do the action, as in Members`;
  it.each<[string, string[]]>([
    ["TBC", [nobody("TBC")]],
    ["tbc", [nobody("tbc")]],
    ["All", [nobody("All")]],
    ["All DAG members", [nobody("All DAG members")]],
    ["N/A", [nobody("N/A")]],
    ["Programme (PMO) / All", [nobody("All")]],
    ["Chair", [`Owner "Chair" names a role, not a person; write the person who will do the action, as in Members, or add "Chair" to that person's Aliases`]],
    ["Programme (Lee Cox) \u2013 by 13/10", [`Owner "by 13/10" is not a name; keep only names in Owner (a date or ASAP goes in Due)`]],
    ["Lee Cox - ASAP", [`Owner "ASAP" is not a name; keep only names in Owner (a date or ASAP goes in Due)`]],
    ["Programme (Lee Cox) ASAP", [`Owner "ASAP" is not a name; keep only names in Owner (a date or ASAP goes in Due)`]],
    ["nobody@example.org", [`Owner "nobody@example.org" is not the Email of anyone in Members; write the person's name as in Members`]],
    ["Jo Bloggs", [`Owner "Jo Bloggs" is not in Members; add them to Members or add this spelling to a member's Aliases`]],
    [
      "TBC & Jo Bloggs & Ann Ames",
      [nobody("TBC"), "Owner names Jo Bloggs and Ann Ames, who are not in Members; add them to Members (or fix the spelling)"],
    ],
    ["paul.pettitt@example.org", []],
    ["Lee Cox\nMatt Hall", []],
    ["Lee Cox (lead), Matt Hall", []],
  ])("%j", (text, expected) => {
    expect(messages(text)).toEqual(expected);
  });

  it("never runs two names together around a date (the old 'Owner names – by 13 and 10')", () => {
    const date = fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 })).map(([d, m]) => `${d}/${m}`);
    const word = fc.constantFrom("by ", "due ", "");
    // After brackets any tail; after a bare name, a tail set off by a spaced dash.
    const cell = fc.oneof(
      fc.tuple(fc.constantFrom("Programme (Lee Cox) ", "Lee Cox (lead) "), word, date),
      fc.tuple(fc.constantFrom("Lee Cox \u2013 ", "PP & LC - ", "Lee Cox\n- "), word, date),
    );
    fc.assert(
      fc.property(cell, ([owner, by, when]) => {
        const text = `${owner}${by}${when}`;
        expect(resolveOwner(text, directory).reachable.length).toBeGreaterThan(0);
        for (const message of messages(text)) expect(message).not.toMatch(/^Owner names /);
      }),
      { numRuns: 200 },
    );
  });
});

describe("invisible characters in an Owner cell (sec QA 8, messy QA 7)", () => {
  it.each<[string, string[], string[]]>([
    [
      "Large Supplier Representative (Paul\u200b Pettitt)",
      ["Paul Pettitt"],
      [`Owner "Large Supplier Representative (Paul Pettitt)" has an invisible character (U+200B, zero-width space) after "Paul"; delete it`],
    ],
    ["Paul Pettitt\u202e", ["Paul Pettitt"], [`Owner "Paul Pettitt" has an invisible character (U+202E, right-to-left override) after "Pettitt"; delete it`]],
    ["\ufeffPP", ["Paul Pettitt"], [`Owner "PP" has an invisible character (U+FEFF, zero-width no-break space) before "PP"; delete it`]],
    [
      "Pa\u200bul Pett\u200ditt",
      ["Paul Pettitt"],
      [`Owner "Paul Pettitt" has 2 invisible characters (U+200B, zero-width space, after "Pa"; U+200D, zero-width joiner, after "Pett"); delete them`],
    ],
    [
      "Paul\u200b Pettit",
      [],
      [
        `Owner "Paul Pettit" has an invisible character (U+200B, zero-width space) after "Paul"; delete it`,
        `Owner "Paul Pettit" is not in Members; add them to Members or add this spelling to a member's Aliases`,
      ],
    ],
  ])("%j", (text, expected, problems) => {
    expect(names(resolveOwner(text, directory).members)).toEqual(expected);
    expect(messages(text)).toEqual(problems);
  });

  it("matches a member however many invisible characters are pasted into the name, and names them without repeating them", () => {
    const hidden = fc.constantFrom("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u00ad");
    const named = members.filter((m) => m.active && m.email !== "" && m.name.trim() !== "");
    fc.assert(
      fc.property(fc.constantFrom(...named), fc.array(fc.tuple(fc.nat(), hidden), { minLength: 1, maxLength: 4 }), (member, inserts) => {
        const chars = [...member.name];
        for (const [at, ch] of inserts) chars.splice(at % (chars.length + 1), 0, ch);
        const text = chars.join("");
        expect(names(resolveOwner(text, directory).members)).toEqual([member.name]);
        const found = messages(text);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(/^Owner "[^"]+" has (an invisible character|\d invisible characters) \(U\+/);
        expect(found[0]).not.toMatch(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves joiners a script needs alone, though matching ignores them", () => {
    const persian: Member = { row: 2, name: "\u0646\u06cc\u06a9\u200c\u0646\u0627\u0645", initials: "NN", organisation: "", role: "", email: "nn@example.org", aliases: [], active: true };
    const dir = buildMemberDirectory([persian]);
    expect(names(resolveOwner(persian.name, dir).members)).toEqual([persian.name]);
    expect(messages(persian.name, dir)).toEqual([]);
    expect(names(resolveOwner("\u0646\u06cc\u06a9\u0646\u0627\u0645", dir).members)).toEqual([persian.name]);
  });
});

describe("one person on two Members rows (messy QA 6)", () => {
  const person = (row: number, name: string, email: string, more: Partial<Member> = {}): Member => ({
    row, name, initials: "PP", organisation: "", role: "", email, aliases: [], active: true, ...more,
  });
  const lee: Member = person(3, "Lee Cox", "lee@example.org", { initials: "LC" });

  it.each<[string, Member[], string, string[], number[]]>([
    ["same Name (other case) and Email: one member, so mail still goes", [person(2, "Paul Pettitt", "paul@example.org"), lee, person(21, "paul pettitt", "PAUL@example.org ")], "Paul Pettitt", [], [2]],
    ["the same, by initials", [person(2, "Paul Pettitt", "paul@example.org"), lee, person(21, "paul pettitt", "paul@example.org")], "PP", [], [2]],
    ["the same, by the later row's alias", [person(2, "Paul Pettitt", "paul@example.org"), person(21, "Paul Pettitt", "paul@example.org", { aliases: ["Pip"] })], "Pip", [], [2]],
    ["one row inactive: the active one", [person(2, "Paul Pettitt", "old@example.org", { active: false }), lee, person(21, "Paul Pettitt", "paul@example.org")], "Paul Pettitt", [], [21]],
    [
      "different Emails: both rows named, keep one",
      [person(2, "Paul Pettitt", "paul@example.org"), lee, person(21, "paul pettitt", "paul.p@example.org")],
      "Paul Pettitt",
      [
        `Owner "Paul Pettitt" matches Members rows 2 and 21, both named Paul Pettitt but with different Emails, so nobody is chased; if they are one person, keep one row (delete the other or mark it inactive), else make their Names different`,
      ],
      [],
    ],
    [
      "different Emails, by initials",
      [person(2, "Paul Pettitt", "paul@example.org"), person(21, "paul pettitt", "paul.p@example.org")],
      "PP",
      [
        `Owner "PP" matches Members rows 2 and 21, both named Paul Pettitt but with different Emails, so nobody is chased; if they are one person, keep one row (delete the other or mark it inactive), else make their Names different`,
      ],
      [],
    ],
  ])("%s", (_name, rows, owner, problems, reachableRows) => {
    const dir = buildMemberDirectory(rows);
    expect(messages(owner, dir)).toEqual(problems);
    expect(resolveOwner(owner, dir).reachable.map((m) => m.row)).toEqual(reachableRows);
  });

  it("never makes one person two members, or two people one, whatever the order of rows", () => {
    const row = fc.record({ name: fc.constantFrom("Paul Pettitt", "paul pettitt", "PAUL  PETTITT"), email: fc.constantFrom("paul@example.org", "PAUL@example.org", "p2@example.org"), active: fc.boolean() });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        const dir = buildMemberDirectory(rows.map((r, i) => person(i + 2, r.name, r.email, { active: r.active })));
        const resolution = resolveOwner("Paul Pettitt", dir);
        const pool = rows.some((r) => r.active) ? rows.filter((r) => r.active) : rows;
        const mailboxes = new Set(pool.map((r) => r.email.toLowerCase()));
        // One mailbox among the rows that count: one member; two: ambiguous, naming every row.
        if (mailboxes.size === 1) expect(resolution.members).toHaveLength(1);
        else expect(resolution.issues[0]).toMatchObject({ kind: "ambiguous", rows: expect.any(Array) });
      }),
      { numRuns: 300 },
    );
  });
});
