export * from './client.js';
export * as schema from './schema/index.js';
export type { WeeklyHours, EmergencyKeyword } from './schema/business.js';
export type { CallingWindow, Weekday } from './schema/channels.js';
export type { LeadFollowUp } from './schema/leads.js';
export * from './secrets.js';
