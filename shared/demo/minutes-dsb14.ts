/** Fictional minutes of the Data Standards Board's meeting 14, in the programme's format, for the demo and tests. */
import { formatLongDate, formatUkDate } from "../core/dates.js";
import type { MinutesBlock, MinutesDocument } from "../core/minutes/document.js";
import { writeMinutesText } from "../core/minutes/text-table.js";
import type { IsoDate } from "../core/types.js";
import { addWorkingDays } from "../core/working-days.js";

/** The meeting's date and the next one's; the demo passes dates around its clock, tests these. */
export interface MinutesDates {
  held: IsoDate;
  next: IsoDate;
}

export const DSB14_DATES: MinutesDates = { held: "2025-11-12", next: "2025-12-10" };

const NBSP = "\u00a0";
const p = (text: string): MinutesBlock => ({ kind: "paragraph", text });

const attendees = (): MinutesBlock => ({
  kind: "table",
  rows: [
    [`Chair${NBSP}`, `Role${NBSP}`],
    [`Helen Marsh${NBSP}(Chair)`, "Chair"],
    ["", NBSP],
    [`Industry Representatives${NBSP}`, NBSP],
    ["Gwen Llewellyn (GL)", "Network Operator Representative"],
    ["Simon Carter (SC) ", `Large Supplier Representative${NBSP}`],
    ["Sana Chaudhry (SC) (part meeting)", "Supplier Agent Representative"],
    ["Declan Murphy (DM)", "Settlement Body Representative"],
    ["Marcus Bell (MB) (on behalf of Isla Robertson)", "Consumer Representative"],
    ["", NBSP],
    ["Programme", NBSP],
    ["Owen Pryce (OP)", "PMO Lead"],
    ["Ruth Adeyemi (RA)", "Design Lead"],
    ["Tom Whitfield (TW) (part meeting)", "Test Lead"],
    ["Priya Natarajan (PN)", "Design Team"],
    ["", ""],
    [`Other Attendees${NBSP}`, NBSP],
    ["Farah Quinn (FQ) (part meeting)", "Regulator Observer"],
    ["", ""],
    ["Apologies", ""],
    ["Isla Robertson", "Consumer Representative"],
  ],
});

const actions = ({ held, next }: MinutesDates): MinutesBlock => {
  const due = formatUkDate(next);
  return {
    kind: "table",
    rows: [
      ["New / Outstanding Actions"],
      ["Area", "Ref", "Action", "Owner", "Due"],
      ["Change Request CR041", "DSB14-01", "Brightwater Energy to resubmit CR041 with the impact on interface IF-210 and return it to the Programme", "Large Supplier Representative (Simon Carter)", formatUkDate(addWorkingDays(held, 10, "england-and-wales"))],
      ["UTC vs Clock Time", "DSB14-02", "Programme to issue an information request on UTC vs clock time for meter reads and return with a recommendation", "Programme \n(Ruth Adeyemi)", due],
      ["", "DSB14-03", "Programme to raise UTC vs clock time with the Implementation Group", "Programme (Owen Pryce)", "ASAP"],
      ["Testing Releases", "DSB14-04", "Programme to provide a regular view of how design releases interact with test releases", "Programme (Tom Whitfield)", due],
      ["", "DSB14-05", "Programme to review the change request template so each new request shows its release outlook", "Programme (PMO)", due],
      [`Risks${NBSP} `, "DSB14-06", "Programme to send members the link to the risk and issue form", "Programme (PMO)", "ASAP"],
      ["AOB", "DSB14-07", "Metering Services to share their analysis of optional flows in the interface catalogue", "Supplier Agent Representative (Sana Chaudhry)", due],
      ["", "DSB14-08", "Consumer Voice to review the consumer impacts of the UTC options", "Consumer Representative (Isla Robertson)", due],
      ["Previous Meeting(s)", "DSB13-02", "Programme to circulate worked examples of reads taken across the October clock change", "Programme (Tom Whitfield & Priya Natarajan)", due],
      ["", "DSB13-04", "Network operators to confirm how the 25-hour day is reported in their systems", "Network Operator Representative (Gwen Llewellyn)", due],
      ["", "DSB13-05", "Programme to update the Terms of Reference with the escalation route to the Steering Group", "Programme (PMO)", due],
      ["", "DSB12-03", "Programme to publish the revised data catalogue change log and notify members", "Programme (Ruth Adeyemi)", due],
    ],
  };
};

const decisions = (): MinutesBlock => ({
  kind: "table",
  rows: [
    ["Area", "Dec Ref", `Decision${NBSP}`],
    ["Minutes and Actions", "DSB-DEC40", "Minutes of the previous meeting approved without amendment"],
    ["Change Request CR041", "DSB-DEC41", "CR041 to be issued for impact assessment once resubmitted"],
    ["Interface Code of Connection", "DSB-DEC42", "Updated Code of Connection approved for publication as v1.2"],
  ],
});

const body = ({ held, next }: MinutesDates): MinutesBlock[] => [
  p("Minutes"),
  p(`Date of meeting: ${formatLongDate(held)}`),
  p("0. Welcome and Introductions"),
  p("The Chair welcomed members and noted apologies from the Consumer Representative, represented by MB."),
  p("1. Minutes and Actions"),
  p("The minutes of the previous meeting were approved without amendment."),
  p("DECISION DSB-DEC40: Minutes of the previous meeting approved without amendment"),
  p("Action updates are in the meeting papers. A summary of key updates is provided below:"),
  p("DSB12-03: RA advised the change log is drafted and will be published with catalogue v2.3. The action remains open."),
  p("DSB12-06: DM confirmed the retention period for interval reports is 28 months. Action closed."),
  p("DSB13-02: TW circulated draft examples; PN will add the 25-hour day case. The action remains open."),
  p("DSB13-04: GL advised two of the five network operators have responded. Action changed to ongoing."),
  p(`DSB13-05: OP advised the revised Terms of Reference were circulated with the papers and are now${NBSP}in force. Action closed.`),
  p("2. Change Request CR041"),
  p("SC presented CR041. Members asked for the impact on interface IF-210 to be set out before impact assessment."),
  p("ACTION DSB14-01: Brightwater Energy to resubmit CR041 with the impact on interface IF-210 and return it to the Programme"),
  p("DECISION DSB-DEC41: CR041 to be issued for impact assessment once resubmitted"),
  p("3. UTC vs Clock Time"),
  p("The Board discussed whether meter reads should be recorded in UTC or clock time (ACTION DSB14-02)."),
  p("ACTION DSB14-02: Programme to issue an information request on UTC vs clock time for meter reads and return with a recommendation"),
  p("ACTION DSB14-03: Programme to raise UTC vs clock time with the Implementation Group"),
  p("4. Testing Releases"),
  p("TW described how design releases will reach the test environments."),
  p("ACTION DSB14-04: Programme to provide a regular view of how design releases interact with test releases"),
  p(""),
  p("ACTION DSB14-05: Programme to review the change request template so each new request shows its release outlook"),
  p("5. Interface Code of Connection"),
  p("DECISION DSB-DEC42: Updated Code of Connection approved for publication as v1.2"),
  p("6. Risks"),
  p("With regard to DSB11-09, OP advised the risk register now links each risk to a milestone."),
  p("ACTION DSB14-06: Programme to send members the link to the risk and issue form"),
  p("7. AOB"),
  p("SC raised the optional flows in the interface catalogue."),
  p("ACTION DSB14-07: Metering Services to share their analysis of optional flows in the interface catalogue"),
  p("ACTION DSB14-08: Consumer Voice to review the consumer impacts of the UTC options"),
  p("ACTION DSB14-09: Programme to confirm the date of the clock-change workshop"),
  p("The Chair thanked members and closed the meeting."),
  p("Date of next meeting:"),
  p(`${formatLongDate(next)} 10am`),
];

/** The minutes as structure: what a .docx fixture is built from. */
export const minutesDsb14Document = (dates: MinutesDates = DSB14_DATES): MinutesDocument => ({
  blocks: [p(" Attendees"), attendees(), p(""), actions(dates), p(""), p("Decisions"), decisions(), p(""), ...body(dates)],
});

/** The minutes as Word saves them as text: what `npm start` imports. */
export const minutesDsb14Text = (dates: MinutesDates = DSB14_DATES): string => writeMinutesText(minutesDsb14Document(dates));
