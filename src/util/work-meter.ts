/**
 * A counter of the steps an algorithm takes, passed in by tests that bound its work by
 * counting rather than timing (a count does not change with the machine or its load).
 */

/** The steps counted so far; each function that takes a meter adds its own steps to `steps`. */
export interface WorkMeter {
  steps: number;
}
