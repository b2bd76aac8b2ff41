/**
 * The task pane's logic without a browser: the user's choices as engine overrides, errors in
 * plain words, and the language pick. The DOM side is tested in tests/browser.
 */
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import type { SourceBlock } from "../../src/report/types";
import { describeError } from "../../src/taskpane/errors";
import { langOf, STRINGS } from "../../src/taskpane/i18n";
import { detectionFor, NO_CHOICES, Selection, withColumnRole, withShape } from "../../src/taskpane/state";
import { renderProblem } from "../../src/messages/problems";
import { PROBLEM_KIND } from "../../src/report/problem-codes";
import { reasonsText } from "../../src/messages/reasons";
import { ROLES } from "../../src/report/roles";
import { readSample } from "../support/samples";

function selectionOf(file: string, sheet = "Data"): Selection {
  const values = readSample(file) as SourceBlock["values"];
  const block: SourceBlock = { sheet, top: 0, left: 0, values, provenance: `${sheet}!A1` };
  return { block, address: "A1", sheet, detected: detect(block) };
}

describe("choices are engine overrides applied to the first detection", () => {
  const uk = selectionOf("uk-interregional-flows-2018.csv");
  const roleAt = (d: ReturnType<typeof detectionFor>, i: number) => d.columns.find((c) => c.index === i)!.role;

  test("swapping origin and destination takes two drop-down changes and keeps one column per role", () => {
    let choices = withColumnRole(NO_CHOICES, uk.detected, 0, "destination");
    let d = detectionFor(uk, choices);
    expect([roleAt(d, 0), roleAt(d, 1), roleAt(d, 2)]).toEqual(["destination", null, "flow"]);
    choices = withColumnRole(choices, d, 1, "origin");
    d = detectionFor(uk, choices);
    expect([roleAt(d, 0), roleAt(d, 1), roleAt(d, 2)]).toEqual(["destination", "origin", "flow"]);
    const plan = planReport(uk.block, d, { mode: "values", now: new Date(0), hostDrawsCharts: true });
    expect(plan.headline.find((h) => h.code === "largestCorridor")!.value).toEqual({ origin: "South East", destination: "London", flow: 124751 });
  });

  test("'not used' unmaps the column's role; choosing it again restores it", () => {
    let choices = withColumnRole(NO_CHOICES, uk.detected, 2, null);
    let d = detectionFor(uk, choices);
    expect(roleAt(d, 2)).toBeNull();
    expect(() => planReport(uk.block, d, { mode: "native", now: new Date(0) })).toThrow();
    choices = withColumnRole(choices, d, 2, "flow");
    d = detectionFor(uk, choices);
    expect(roleAt(d, 2)).toBe("flow");
    expect(choices.roles).toEqual({ flow: 2 });
  });

  test("a shape change starts the roles again; back to the detected shape clears every choice", () => {
    const choices = withShape(uk, "table");
    expect(choices).toEqual({ shape: "table", roles: {} });
    expect(detectionFor(uk, choices).shape).toBe("table");
    expect(withShape(uk, "long")).toBe(NO_CHOICES);
  });

  test("a shape that does not fit is refused with a code, which the pane words in its language", () => {
    let error: unknown;
    try {
      detectionFor(uk, withShape(uk, "matrix"));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "notSquare", params: { rows: 145, columns: 3 } });
    const en = describeError(error, "en", false, "choice");
    expect(en.text).toMatch(/not a square matrix/);
    const ukr = describeError(error, "uk", false, "choice");
    expect(ukr.text).toMatch(/^Це не квадратна матриця: 145 рядк\. і 3 стовп\./);
    expect(ukr.detail).toBeUndefined();
  });
});

describe("errors in plain words", () => {
  test("a slip in code is never shown as it is", () => {
    const m = describeError(new TypeError("Cannot read properties of undefined (reading 'values')"), "en");
    expect(m.text).toMatch(/Something unexpected went wrong/);
    expect(m.text).not.toMatch(/undefined|reading/);
    const stack = new Error("boom\n    at foo (taskpane.js:1:200)");
    expect(describeError(stack, "en").text).toMatch(/Something unexpected/);
  });

  test("Office.js errors are worded by their code", () => {
    const office = Object.assign(new Error("The argument is invalid or missing or has an incorrect format."), { name: "RichApi.Error", code: "InvalidArgument", debugInfo: {} });
    expect(describeError(office, "en").text).toMatch(/^Select a range of cells/);
    expect(describeError(office, "uk").text).toMatch(/^Виділіть діапазон/);
    const other = Object.assign(new Error("x"), { name: "RichApi.Error", code: "WeirdThing", debugInfo: {} });
    expect(describeError(other, "en").text).toMatch(/Excel could not complete the request \(WeirdThing\)/);
  });

  test("a cancel is a cancel, in either language", () => {
    expect(describeError(new DOMException("The operation was aborted.", "AbortError"), "en")).toEqual({ kind: "cancelled", text: STRINGS.en.cancelled });
    expect(describeError(new Error("whatever"), "uk", true, "read")).toEqual({ kind: "cancelled", text: STRINGS.uk.cancelledRead });
  });
});

describe("languages", () => {
  test("Office's display language picks the pane's: uk-* is Ukrainian, everything else English", () => {
    expect(langOf("uk-UA")).toBe("uk");
    expect(langOf("uk")).toBe("uk");
    expect(langOf("UK-ua")).toBe("uk");
    expect(langOf("en-GB")).toBe("en");
    expect(langOf("ru-RU")).toBe("en");
    expect(langOf(undefined)).toBe("en");
  });

  test("every role and problem kind has words in both languages", () => {
    for (const lang of ["en", "uk"] as const) {
      for (const r of ROLES) expect(STRINGS[lang].roleNames[r]).toMatch(/\S/);
      for (const k of new Set(Object.values(PROBLEM_KIND))) expect(STRINGS[lang].problemKinds[k]).toMatch(/\S/);
    }
  });

  test("Ukrainian reasons and problems come from the detection's codes, with the cells", () => {
    const undesa = selectionOf("undesa-migrant-stock-totals-1990-2020.csv");
    const reasons = reasonsText(undesa.detected.reasons, "uk");
    expect(reasons[0]).toMatch(/^Таблиця країн: 1\s645 рядків, 235 регіонів, 7 періодів, заголовок у рядку 1\.$/);
    expect(reasons.join(" ")).toMatch(/«fb» \(E\) → Іммігранти/);
    const p = undesa.detected.problems[0];
    expect(p.address).toBe("E107");
    expect(p).toEqual({ address: "E107", kind: "blank", code: "blankMissing", params: { column: { index: 4, letters: "E", header: "fb", role: "immigrants" } } });
    expect(renderProblem(p, "uk")).toBe("Порожня клітинка у стовпці «fb» (Іммігранти): вважається пропущеним значенням, а не 0.");
    expect(renderProblem(p, "en")).toBe("Blank in 'fb' (immigrants): read as missing, not as 0.");
    const erasmus = selectionOf("erasmus-student-mobility-2012-13.csv");
    expect(reasonsText(erasmus.detected.reasons, "uk")[0]).toBe("Матриця 33 × 33 потоків, підписи у рядку 1 і у стовпці A; рядки — звідки, стовпці — куди (кутова клітинка «home\\host» не враховується).");
  });
});
