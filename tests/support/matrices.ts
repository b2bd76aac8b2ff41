/** Small matrices the tests share (rows = origins, columns = destinations). */

/** The hypothetical 3-region system of the design notes: total 120, MEI 0.25. */
export const HYP: number[][] = [
  [0, 10, 10],
  [20, 0, 20],
  [30, 30, 0],
];

/** HYP with every flow matched by an equal counterflow. */
export const BALANCED: number[][] = [
  [0, 15, 20],
  [15, 0, 25],
  [20, 25, 0],
];
