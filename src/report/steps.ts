/**
 * Long planning steps as generators, so one definition of each computation serves two drivers:
 * `runSteps` runs it to the end at once (the CLI, tests, `planReport`), `runStepsAsync` gives
 * the event loop a turn between chunks, reports progress and stops on an AbortSignal (the task
 * pane, where a 100,000-row table would otherwise block the pane for seconds).
 */

import { throwIfCancelled } from "./cancel";

/** How far a step has got: rows planned of the rows there are. */
export interface StepProgress {
  readonly done: number;
  readonly total: number;
}

/** A computation that yields its progress after each chunk and returns its result. */
export type Steps<T> = Generator<StepProgress, T, void>;

/** Rows a sheet planner plans between two yields (about 50 ms of work on a laptop for a 13-column table). */
export const PLAN_CHUNK_ROWS = 2_000;

/** Runs the steps to the end without yielding. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface AsyncStepsOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: StepProgress) => void;
  /** How to give the event loop a turn (default `yieldToEventLoop`). */
  readonly pause?: () => Promise<void>;
}

/**
 * Runs the steps, giving the event loop a turn after each chunk (so the page can paint and
 * handle a click on Cancel) and reporting each chunk's progress. Throws `cancelled()` (./cancel), and
 * stops the steps, once `signal` is aborted.
 */
export async function runStepsAsync<T>(steps: Steps<T>, options: AsyncStepsOptions = {}): Promise<T> {
  const pause = options.pause ?? yieldToEventLoop;
  try {
    for (;;) {
      throwIfCancelled(options.signal);
      const next = steps.next();
      if (next.done) return next.value;
      options.onProgress?.(next.value);
      await pause();
    }
  } finally {
    steps.return(undefined as never);
  }
}

/**
 * A macrotask turn: a MessageChannel message where there is one (not clamped to 4 ms as nested
 * setTimeout calls are in browsers), else setTimeout 0. Timers, input and painting get their turn.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Counts the work of steps whose passes differ in size (detection: a pass over every cell, one
 * over a column, one over a matrix), and says when a chunk's worth is done so the steps can
 * yield. Without a chunk (the default) it never asks for a yield.
 */
export class StepMeter {
  done = 0;
  private next: number;

  constructor(
    /** The work expected in all; progress never shows more done than this (it grows if need be). */
    readonly total = 0,
    private readonly chunk = Infinity,
  ) {
    this.next = chunk;
  }

  /** Counts `work` units done; true once a chunk's worth has been done since the last yield. */
  add(work: number): boolean {
    this.done += work;
    if (this.done < this.next) return false;
    this.next = this.done + this.chunk;
    return true;
  }

  get progress(): StepProgress {
    return { done: this.done, total: Math.max(this.total, this.done) };
  }
}
