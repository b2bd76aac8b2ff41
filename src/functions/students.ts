import { grossOutboundEnrolmentRatio, inboundMobilityRate, outboundMobilityRatio, studentNetFlow, studentNetFlowRatio } from "../indicators/students";
import { elementwise2, elementwise3 } from "./elementwise";

/**
 * UNESCO UIS outbound mobility ratio: students from the country studying abroad ÷ tertiary enrolment in the country.
 * @customfunction STUDENTS.OUTBOUNDRATIO
 * @helpurl https://localhost:3000/reference.html#students-outboundratio
 * @param outbound_students Nationals enrolled in tertiary education abroad (a cell or a range).
 * @param tertiary_enrolment Total tertiary enrolment in the country (same size, or one cell).
 * @returns The ratio as a fraction (UIS publishes it as %).
 */
export function studentsOutboundRatio(outbound_students: any[][], tertiary_enrolment: any[][]): any[][] {
  return elementwise2(["outbound_students", "tertiary_enrolment"], outboundMobilityRatio, outbound_students, tertiary_enrolment);
}

/**
 * UNESCO UIS inbound mobility rate: students from abroad ÷ tertiary enrolment in the country.
 * @customfunction STUDENTS.INBOUNDRATE
 * @helpurl https://localhost:3000/reference.html#students-inboundrate
 * @param inbound_students Internationally mobile students enrolled in the country (a cell or a range).
 * @param tertiary_enrolment Total tertiary enrolment in the country (same size, or one cell).
 * @returns The rate as a fraction.
 */
export function studentsInboundRate(inbound_students: any[][], tertiary_enrolment: any[][]): any[][] {
  return elementwise2(["inbound_students", "tertiary_enrolment"], inboundMobilityRate, inbound_students, tertiary_enrolment);
}

/**
 * Net flow of internationally mobile students: inbound − outbound.
 * @customfunction STUDENTS.NETFLOW
 * @helpurl https://localhost:3000/reference.html#students-netflow
 * @param inbound_students Students from abroad studying in the country (a cell or a range).
 * @param outbound_students Nationals studying abroad (same size, or one cell).
 * @returns Inbound minus outbound students (positive = net receiver).
 */
export function studentsNetFlow(inbound_students: any[][], outbound_students: any[][]): any[][] {
  return elementwise2(["inbound_students", "outbound_students"], studentNetFlow, inbound_students, outbound_students);
}

/**
 * Net flow ratio of mobile students: (inbound − outbound) ÷ tertiary enrolment.
 * @customfunction STUDENTS.NETFLOWRATIO
 * @helpurl https://localhost:3000/reference.html#students-netflowratio
 * @param inbound_students Students from abroad studying in the country (a cell or a range).
 * @param outbound_students Nationals studying abroad (same size, or one cell).
 * @param tertiary_enrolment Total tertiary enrolment in the country (same size, or one cell).
 * @returns The net flow as a fraction of enrolment.
 */
export function studentsNetFlowRatio(inbound_students: any[][], outbound_students: any[][], tertiary_enrolment: any[][]): any[][] {
  return elementwise3(["inbound_students", "outbound_students", "tertiary_enrolment"], studentNetFlowRatio, inbound_students, outbound_students, tertiary_enrolment);
}

/**
 * UNESCO UIS gross outbound enrolment ratio: outbound students ÷ population of tertiary-education age.
 * @customfunction STUDENTS.GROSSOUTBOUND
 * @helpurl https://localhost:3000/reference.html#students-grossoutbound
 * @param outbound_students Nationals enrolled in tertiary education abroad (a cell or a range).
 * @param tertiary_age_population Population of the official tertiary age group, usually the five years after secondary school (same size, or one cell).
 * @returns The ratio as a fraction.
 */
export function studentsGrossOutbound(outbound_students: any[][], tertiary_age_population: any[][]): any[][] {
  return elementwise2(["outbound_students", "tertiary_age_population"], grossOutboundEnrolmentRatio, outbound_students, tertiary_age_population);
}
