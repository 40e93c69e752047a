/** The opening line's recording notice: said first, before anything else, when the call is recorded. */
import { linesFor } from './lines/index.js';
import type { BusinessProfile, Lang } from './types.js';

/** What the caller hears first on a recorded call (their consent to go on), in English. */
export const RECORDING_NOTICE = linesFor('en').recordingNotice;

/** `greeting` with the recording notice (in the call's language) in front when this conversation is recorded. */
export function withRecordingNotice(business: Pick<BusinessProfile, 'recordsCalls'>, greeting: string, lang?: Lang): string {
  return business.recordsCalls ? `${linesFor(lang).recordingNotice} ${greeting}` : greeting;
}
