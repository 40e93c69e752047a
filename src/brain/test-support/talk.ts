/** A conversation over fake ports, driven line by line as a test's caller: what it said, and what the ports recorded. */
import { fixedClock } from '../../lib/index.js';
import { createConversation } from '../conversation.js';
import type { BusinessProfile } from '../types.js';
import { createFakePorts, type FakeOptions } from './fake-ports.js';

export function talkTo(business: BusinessProfile, now: string, callerPhone: string, fake: FakeOptions = {}) {
  const { ports, world } = createFakePorts(business, fake);
  const convo = createConversation({ business, callerPhone, now: fixedClock(now), deps: ports });
  const said: string[] = [convo.greet().text];
  /** Says each line in turn; the agent's last reply. */
  const say = async (...lines: string[]) => {
    for (const l of lines) said.push((await convo.handle({ text: l })).text);
    return said[said.length - 1];
  };
  return { convo, say, world, said };
}
