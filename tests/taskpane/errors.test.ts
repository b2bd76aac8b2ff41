import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import type { CellValue, SourceBlock } from "../../src/report/types";
import { describeError } from "../../src/taskpane/errors";
import { strings } from "../../src/taskpane/i18n";

/** What the pane says when building the report from these cells fails. */
function paneMessage(values: CellValue[][]) {
  const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values, provenance: "Data!A1:C4" };
  try {
    planReport(block, detect(block), { mode: "native", now: new Date(0), hostDrawsCharts: true });
  } catch (err) {
    return describeError(err, "en");
  }
  throw new Error("the report was built");
}

describe("the pane shows the engine's refusal in plain words, naming the cells", () => {
  test("a country listed twice", () => {
    const m = paneMessage([["country", "skilled emigrants", "skilled residents"], ["Ghana", 5, 50], ["Togo", 6, 60], ["Ghana", 7, 70]]);
    expect(m.kind).toBe("error");
    expect(m.text).toMatch(/^Country "Ghana" appears twice: A2 and A4\. .* totals would count it twice\. /);
    expect(m.text.endsWith(strings("en").errorUntouched)).toBe(true);
  });

  test("a label holding a line break is quoted on one line, so the pane still shows the sentence", () => {
    const m = paneMessage([["country", "skilled emigrants", "skilled residents"], ["Côte\r\nd'Ivoire", 5, 50], ["Togo", 6, 60], ["côte\r\nd'ivoire ", 7, 70]]);
    expect(m.text).toMatch(/^Country "Côte↵d'Ivoire" appears twice: A2 and A4\./);
    expect(m.text).not.toMatch(/[\r\n]/);
  });

  test("text in a labelled matrix: the pane names the cell", () => {
    const m = paneMessage([["", "A", "B", "C"], ["A", 0, 10, "n/a"], ["B", 20, 0, 20], ["C", 30, 30, 0]]);
    expect(m.text).toMatch(/^The matrix has cells that are not counts of people: D2 \("n\/a"\)\./);
  });
});
