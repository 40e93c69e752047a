/** calls/: the record of every conversation, written as it happens, and the queries over it. */
export * from './outcome.js';
export * from './cost.js';
export * from './records.js';
export * from './queries.js';
export * from './recorder.js';
export * from './summary.js';
export * from './summary-job.js';
export * from './recordings.js';
