/** clients/: the client directory (everyone who booked, called or chatted) and who a caller is. */
export * from './directory.js';
