/** A fictional committee in the shape of real minutes, dated around the demo's clock. */
import type { TabReplacement } from "../adapters/workbook.js";
import { isoToSerial, serialToIso } from "../core/dates.js";
import type { Cell, IsoDate } from "../core/types.js";

export const SAMPLE = { code: "DSB", name: "Data Standards Board", heldMeeting: 14 } as const;

const MEMBERS: [string, string, string, string, string, string][] = [
  ["Helen Marsh", "HM", "Independent", "Chair", "helen.marsh@example.org", "Chair"],
  ["Owen Pryce", "OP", "Programme", "PMO Lead", "owen.pryce@example.org", "Programme (PMO); PMO"],
  ["Ruth Adeyemi", "RA", "Programme", "Design Lead", "ruth.adeyemi@example.org", ""],
  ["Tom Whitfield", "TW", "Programme", "Test Lead", "tom.whitfield@example.org", ""],
  ["Priya Natarajan", "PN", "Programme", "Design Team", "priya.natarajan@example.org", "Design Team"],
  ["Gwen Llewellyn", "GL", "Northgrid Networks", "Network Operator Representative", "gwen.llewellyn@example.org", ""],
  ["Simon Carter", "SC", "Brightwater Energy", "Large Supplier Representative", "simon.carter@example.org", ""],
  ["Sana Chaudhry", "SC", "Metering Services Ltd", "Supplier Agent Representative", "sana.chaudhry@example.org", ""],
  ["Declan Murphy", "DM", "Settlement Agency", "Settlement Body Representative", "declan.murphy@example.org", ""],
  ["Isla Robertson", "IR", "Consumer Voice", "Consumer Representative", "", ""],
];

/** [Ref, Meeting, Area, Action, Owner, Due, Status, Update] */
const ACTIONS: [string, number, string, string, string, Cell, string, string][] = [
  ["DSB12-03", 12, "Data Catalogue", "Programme to publish the revised data catalogue change log and notify members", "Programme (Ruth Adeyemi)", "Next meeting", "Ongoing", "Draft shared with the design team; publication waiting on catalogue v2.3"],
  ["DSB12-06", 12, "Reporting", "Settlement Agency to confirm the retention period for interval reports", "Settlement Body Representative (Declan Murphy)", "+10 WD", "Closed", "Confirmed as 28 months at the last meeting"],
  ["DSB13-02", 13, "Clock Change Handling", "Programme to circulate worked examples of reads taken across the October clock change", "Programme (Tom Whitfield & Priya Natarajan)", "Next meeting", "Open", ""],
  ["DSB13-04", 13, "", "Network operators to confirm how the 25-hour day is reported in their systems", "Network Operator Representative (Gwen Llewellyn)", "ASAP", "Ongoing", "Two of five operators have responded"],
  ["DSB13-05", 13, "Terms of Reference", "Programme to update the Terms of Reference with the escalation route to the Steering Group", "Programme (PMO)", "Next meeting", "Proposed Closed", "Revised draft circulated with the papers"],
  ["DSB14-01", 14, "Change Request CR041", "Brightwater Energy to resubmit CR041 with the impact on interface IF-210 and return it to the Programme", "Large Supplier Representative (Simon Carter)", "+10 WD", "open", ""],
  ["DSB14-02", 14, "UTC vs Clock Time", "Programme to issue an information request on UTC vs clock time for meter reads and return with a recommendation", "Programme \n(Ruth Adeyemi)", "Next meeting", "Open", ""],
  ["DSB14-03", 14, "", "Programme to raise UTC vs clock time with the Implementation Group", "Programme (Owen Pryce)", "ASAP", "Open", ""],
  ["DSB14-04", 14, "Testing Releases", "Programme to provide a regular view of how design releases interact with test releases", "Programme (Tom Whitfield)", "Next meeting", "Open", ""],
  ["", 14, "", "Programme to review the change request template so each new request shows its release outlook", "Programme (PMO)", "+15 WD", "", ""],
  ["DSB14-06", 14, "Risks", "Programme to send members the link to the risk and issue form", "Programme (PMO)", "ASAP", "Closed", "Link sent by email the day after the meeting"],
  ["DSB14-07", 14, "AOB", "Metering Services to share their analysis of optional flows in the interface catalogue", "SC", "Next meeting", "Open", ""],
  ["DSB14-08", 14, "", "Consumer Voice to review the consumer impacts of the UTC options", "Consumer Representative (Isla Robertson)", "31/02/2027", "Open", ""],
];

const DECISIONS: [string, number, string, string][] = [
  ["DSB-DEC40", 14, "Minutes and Actions", "Minutes of the previous meeting approved without amendment"],
  ["DSB-DEC41", 14, "Change Request CR041", "CR041 to be issued for impact assessment once resubmitted"],
  ["", 14, "Interface Code of Connection", "Updated Code of Connection approved for publication as v1.2"],
];

/** Meeting n's date: 14 on the Wednesday about two weeks before `today`, then every 28 days. */
export function sampleMeetingDate(today: IsoDate, n: number): IsoDate {
  const fortnightAgo = isoToSerial(today) - 14;
  const wednesday = fortnightAgo - ((((fortnightAgo - 4) % 7) + 7) % 7); // serial 4 is a Wednesday
  return serialToIso(wednesday + (n - SAMPLE.heldMeeting) * 28) ?? today;
}

/**
 * The demo's tabs around `today`. With `beforeMeeting` set, the log stops short of that
 * meeting (it is still Scheduled, with no actions or decisions): its minutes bring them in.
 */
export function sampleTabs(today: IsoDate, options: { beforeMeeting?: number } = {}): TabReplacement[] {
  const last = options.beforeMeeting === undefined ? SAMPLE.heldMeeting : options.beforeMeeting - 1;
  const meetingDate = (n: number) => isoToSerial(sampleMeetingDate(today, n));
  return [
    { name: "Settings", headers: ["Key", "Value"], rows: [
      ["committee_code", SAMPLE.code], ["committee_name", SAMPLE.name], ["timezone", "Europe/London"],
      ["holiday_region", "england-and-wales"], ["asap_working_days", 5], ["reminder_working_days", 3],
      ["escalate_after_meetings", 2], ["pmo_email", "pmo@example.org"], ["chair_email", "helen.marsh@example.org"],
      ["from_email", "actionlog@example.org"], ["digest_weekday", "Monday"],
    ] },
    { name: "Members", headers: ["Name", "Initials", "Organisation", "Role", "Email", "Aliases", "Active"],
      rows: MEMBERS.map(([name, initials, org, role, email, aliases]) => [name, initials, org, role, email, aliases, "Yes"]) },
    { name: "Meetings", headers: ["Meeting", "Date", "Time", "Status", "Notes"], rows: [12, 13, 14, 15, 16].map((n) => [
      n, meetingDate(n), "10:00", n <= last ? "Held" : "Scheduled", n === 16 ? "Papers due five working days before" : "",
    ]) },
    { name: "Actions", headers: ["Ref", "Meeting", "Area", "Action", "Owner", "Due", "Due Date", "Status", "Update", "Closed On", "Carried", "Checks"],
      rows: ACTIONS.filter(([, meeting]) => meeting <= last).map(([ref, meeting, area, action, owner, due, status, update]) => [ref, meeting, area, action, owner, due, null, status, update, null, null, null]) },
    { name: "Decisions", headers: ["Ref", "Meeting", "Area", "Decision"], rows: DECISIONS.filter(([, meeting]) => meeting <= last) },
    { name: "Audit", headers: ["Time", "Actor", "Tab", "Ref", "Column", "Old", "New", "Reason"], rows: [] },
  ];
}
