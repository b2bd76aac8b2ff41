/**
 * The task pane's state and the pure steps that change it. The user's choices (a shape, roles
 * for columns) are kept as engine Overrides and always applied to the first detection of the
 * block, so choices never pile up on one another and the engine re-derives reasons and
 * problems each time.
 */
import { applyOverrides } from "../report/detect";
import type { Detection, Overrides, ReportPlan, Role, Shape, SharingMode, SourceBlock } from "../report/types";
import type { Lang } from "./i18n";

/** What "Use selection" read, and what the engine first made of it. */
export interface Selection {
  readonly block: SourceBlock;
  readonly address: string;
  readonly sheet: string;
  /** The selection as the user made it ("A:D") when the host read only its filled part. */
  readonly selected?: string;
  readonly detected: Detection;
}

/** The user's changes to the detection. */
export interface Choices {
  readonly shape?: Shape;
  /** Role → 0-based block column, or null to leave the role unmapped. */
  readonly roles: Partial<Record<Role, number | null>>;
}

export const NO_CHOICES: Choices = { roles: {} };

export type Activity =
  | { readonly kind: "reading"; readonly done: number; readonly total: number }
  | { readonly kind: "detecting" }
  | { readonly kind: "planning" }
  | { readonly kind: "writing"; readonly step: string; readonly fraction: number };

export interface BuildResult {
  readonly sheets: string[];
  readonly activated: string;
  readonly mode: SharingMode;
  readonly headline: ReportPlan["headline"];
  readonly syncs: number;
  readonly largestRequestBytes: number;
}

export interface Failure {
  readonly error: unknown;
  readonly during: "read" | "build" | "choice";
  readonly cancelled: boolean;
}

export interface PaneState {
  readonly lang: Lang;
  /** Whether Excel is there: "starting" until Office.onReady answers. */
  readonly environment: "starting" | "excel" | "outside" | "noOffice";
  readonly selection?: Selection;
  readonly choices: Choices;
  /** The detection with the user's choices applied. */
  readonly detection?: Detection;
  readonly mode: SharingMode;
  readonly busy?: Activity;
  /** What went wrong last (or a cancel); the view words it in the current language. */
  readonly failure?: Failure;
  readonly result?: BuildResult;
}

export function initialState(lang: Lang): PaneState {
  return { lang, environment: "starting", choices: NO_CHOICES, mode: "native" };
}

export function overridesOf(choices: Choices): Overrides {
  const map = Object.keys(choices.roles).length > 0 ? choices.roles : undefined;
  return { ...(choices.shape ? { shape: choices.shape } : {}), ...(map ? { map } : {}) };
}

/** The detection for these choices (throws the engine's sentence when they do not fit). */
export function detectionFor(selection: Selection, choices: Choices): Detection {
  const overrides = overridesOf(choices);
  if (!overrides.shape && !overrides.map) return selection.detected;
  return applyOverrides(selection.block, selection.detected, overrides);
}

/** Choices after the user picks a shape: roles start again from what the engine finds for it. */
export function withShape(selection: Selection, shape: Shape): Choices {
  return shape === selection.detected.shape ? NO_CHOICES : { shape, roles: {} };
}

/**
 * Choices after the user gives block column `index` the role `role` (null: not used). A role
 * lives in one column: giving it here takes it from wherever it was; the column's old role is
 * dropped (and, when the column becomes unused, recorded as unmapped).
 */
export function withColumnRole(choices: Choices, current: Detection, index: number, role: Role | null): Choices {
  const roles: Partial<Record<Role, number | null>> = {};
  for (const [r, target] of Object.entries(choices.roles) as [Role, number | null][]) if (target !== index && r !== role) roles[r] = target;
  const old = current.columns.find((c) => c.index === index)?.role ?? null;
  if (role === null) {
    if (old !== null) roles[old] = null;
  } else {
    roles[role] = index;
  }
  return { ...choices, roles };
}
