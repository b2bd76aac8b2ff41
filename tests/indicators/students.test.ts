import { grossOutboundEnrolmentRatio, inboundMobilityRate, outboundMobilityRatio, studentNetFlow, studentNetFlowRatio } from "../../src/indicators/students";

// A country with 100,000 tertiary students at home, 5,000 nationals studying abroad, 8,000
// students from abroad and 400,000 people of tertiary age.
describe("UNESCO UIS student mobility indicators", () => {
  test("outbound mobility ratio: 5,000 / 100,000 = 5%", () => expect(outboundMobilityRatio(5000, 100000)).toBe(0.05));
  test("inbound mobility rate: 8,000 / 100,000 = 8%", () => expect(inboundMobilityRate(8000, 100000)).toBe(0.08));
  test("net flow: 8,000 − 5,000 = 3,000 (a net receiver)", () => expect(studentNetFlow(8000, 5000)).toBe(3000));
  test("net flow ratio: 3,000 / 100,000 = 3%", () => expect(studentNetFlowRatio(8000, 5000, 100000)).toBeCloseTo(0.03, 15));
  test("gross outbound enrolment ratio: 5,000 / 400,000 = 1.25%", () => expect(grossOutboundEnrolmentRatio(5000, 400000)).toBe(0.0125));
  test("the outbound ratio may exceed 1 (small countries send more students abroad than they enrol)", () => expect(outboundMobilityRatio(3000, 2000)).toBe(1.5));
  test("zero enrolment or population has no ratio; negative counts are out of domain", () => {
    expect(() => outboundMobilityRatio(1, 0)).toThrow(/tertiary_enrolment is 0/);
    expect(() => grossOutboundEnrolmentRatio(1, 0)).toThrow(/tertiary_age_population is 0/);
    expect(() => studentNetFlow(-1, 0)).toThrow(/inbound_students is negative/);
  });
});
