import { count, divide } from "./guards";
import { Count, Rate } from "./types";

/**
 * Internationally mobile (degree-mobile) tertiary students.
 * The UIS indicators: outbound mobility ratio, inbound mobility rate, net flow of
 * internationally mobile students, net flow ratio, gross outbound enrolment ratio. UIS
 * publishes them as percentages; here they are fractions (format the cell as %). Each one's
 * definition and source: its function's entry in ./definitions/students.ts.
 */

/** Outbound mobility ratio: students from a country studying abroad ÷ tertiary enrolment in that country. */
export function outboundMobilityRatio(outboundStudents: Count, tertiaryEnrolment: Count): Rate {
  return divide(count(outboundStudents, "outbound_students"), count(tertiaryEnrolment, "tertiary_enrolment"), "tertiary_enrolment");
}

/** Inbound mobility rate: students from abroad studying in a country ÷ tertiary enrolment in that country. */
export function inboundMobilityRate(inboundStudents: Count, tertiaryEnrolment: Count): Rate {
  return divide(count(inboundStudents, "inbound_students"), count(tertiaryEnrolment, "tertiary_enrolment"), "tertiary_enrolment");
}

/** Net flow of internationally mobile students: inbound − outbound. */
export function studentNetFlow(inboundStudents: Count, outboundStudents: Count): number {
  return count(inboundStudents, "inbound_students") - count(outboundStudents, "outbound_students");
}

/** Net flow ratio: (inbound − outbound) ÷ tertiary enrolment. */
export function studentNetFlowRatio(inboundStudents: Count, outboundStudents: Count, tertiaryEnrolment: Count): Rate {
  return divide(studentNetFlow(inboundStudents, outboundStudents), count(tertiaryEnrolment, "tertiary_enrolment"), "tertiary_enrolment");
}

/** Gross outbound enrolment ratio: outbound students ÷ the population of tertiary-education age. */
export function grossOutboundEnrolmentRatio(outboundStudents: Count, tertiaryAgePopulation: Count): Rate {
  return divide(count(outboundStudents, "outbound_students"), count(tertiaryAgePopulation, "tertiary_age_population"), "tertiary_age_population");
}
