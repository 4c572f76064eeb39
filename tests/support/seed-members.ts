/** The DAG29 seed's attendees as Members, for the owner-resolution tests. */
import { buildMemberDirectory } from "../../shared/core/owners.js";
import type { Member } from "../../shared/core/types.js";

// Attendees of DAG29 (seed 000) as the minutes list them; Caroline Farquhar sent apologies.
const attendeeList = `
Justin Andrews (JA), Carolyn Burns (CBu), Daniel Arrowsmith (DA), David Yeoman (DY),
Morven Hunter (MHu), Gareth Evans (GE), Haz Elmamoun (HE), Robert Langdon (RL),
Riccardo Lampini (RLamp), Sarah Jones (SJ), Seth Chapman (SC), Stuart Scott (SS),
Vladimir Black (VB), Andrew Margan (AM), Berlinda Kugara (BK), Fraser Mathieson (FM), Immy Syms (IS),
Lee Cox (LC), Matt Hall (MH), Paul Pettitt (PP), Sean Cooper (SC), Andrew Dudkowsky (AD),
Colin Berry (CBer), Colin Bezant (CBez), Danielle Walton (DW), Taylor Thorpe (TT),
Caroline Farquhar (CF)`;
export const attendees = attendeeList
  .split(",")
  .map((entry) => /^\s*(.+?) \((\w+)\)\s*$/.exec(entry))
  .map((m) => [m?.[1] ?? "", m?.[2] ?? ""] as const);

const aliases: Record<string, string[]> = {
  "Fraser Mathieson": ["Programme (PMO)", "PMO"],
  "Berlinda Kugara": ["Design Team"],
};

export const members: Member[] = [
  ...attendees.map(([name, initials], i): Member => ({
    row: i + 2, name, initials, organisation: "", role: "", aliases: aliases[name] ?? [],
    email: name === "Taylor Thorpe" ? "" : `${name.toLowerCase().replace(" ", ".")}@example.org`,
    active: name !== "Caroline Farquhar",
  })),
  // A row with no Name must never be matched, whatever else it holds.
  { row: 99, name: "  ", initials: "XX", organisation: "", role: "", email: "x@example.org", aliases: ["Ghost"], active: true },
];

export const directory = buildMemberDirectory(members);
export const names = (list: readonly Member[]): string[] => list.map((m) => m.name);
