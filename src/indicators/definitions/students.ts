import { UIS } from "./citations";
import type { MeasureDefinition } from "./definition";

/** The measures of src/indicators/students.ts, as their catalog functions define them. */
export const STUDENTS = {
  "STUDENTS.OUTBOUNDRATIO": {
    name: "Outbound mobility ratio",
    meaning: "UNESCO UIS outbound mobility ratio: students from the country studying abroad ÷ tertiary enrolment in the country.",
    formula: "outbound mobility ratio = students from the country enrolled abroad / tertiary enrolment in the country",
    citation: UIS,
  },
  "STUDENTS.INBOUNDRATE": {
    name: "Inbound mobility rate",
    meaning: "UNESCO UIS inbound mobility rate: students from abroad ÷ tertiary enrolment in the country.",
    formula: "inbound mobility rate = students from abroad enrolled in the country / tertiary enrolment in the country",
    citation: UIS,
  },
  "STUDENTS.NETFLOW": {
    name: "Net flow of mobile students",
    meaning: "Net flow of internationally mobile students: inbound − outbound.",
    formula: "net flow = inbound − outbound (positive = net receiver)",
    citation: UIS,
  },
  "STUDENTS.NETFLOWRATIO": {
    name: "Net flow ratio of mobile students",
    meaning: "Net flow ratio of mobile students: (inbound − outbound) ÷ tertiary enrolment.",
    formula: "net flow ratio = (inbound − outbound) / tertiary enrolment",
    citation: UIS,
  },
  "STUDENTS.GROSSOUTBOUND": {
    name: "Gross outbound enrolment ratio",
    meaning: "UNESCO UIS gross outbound enrolment ratio: outbound students ÷ population of tertiary-education age.",
    formula: "gross outbound enrolment ratio = students from the country enrolled abroad / population of tertiary-education age",
    citation: UIS,
  },
} satisfies Record<string, MeasureDefinition>;
