/** Minutes of the DSB's meeting 15, the one after the demo's meeting 14: they close DSB14-03 and move DSB14-02's Due on. */
import type { MinutesBlock, MinutesDocument } from "../../shared/core/minutes/document.js";
import { writeMinutesText } from "../../shared/core/minutes/text-table.js";

const p = (text: string): MinutesBlock => ({ kind: "paragraph", text });

export const minutesDsb15Document = (): MinutesDocument => ({
  blocks: [
    {
      kind: "table",
      rows: [
        ["New / Outstanding Actions"],
        ["Area", "Ref", "Action", "Owner", "Due"],
        ["Catalogue", "DSB15-01", "Programme to publish catalogue v2.3", "Programme (Ruth Adeyemi)", "14/01/2026"],
        ["Previous Meeting(s)", "DSB14-02", "Programme to issue an information request on UTC vs clock time for meter reads and return with a recommendation", "Programme (Ruth Adeyemi)", "14/01/2026"],
      ],
    },
    p("Minutes"),
    p("Date of meeting: 10 December 2025"),
    p("DSB14-03: OP raised it with the Implementation Group. Action closed."),
    p("ACTION DSB15-01: Programme to publish catalogue v2.3"),
    p("Date of next meeting: 14 January 2026 10am"),
  ],
});

export const minutesDsb15Text = (): string => writeMinutesText(minutesDsb15Document());
