// Owns reading the dates feeds write into UTC timestamps. Pure functions; imports nothing
// outside this folder.
export { parseDate } from './parse-date.ts';
