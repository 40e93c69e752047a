/** Checks on knowledge answers shared by the knowledge tests. */
import type { KnowledgeAnswer } from '../knowledge.js';

/**
 * The agent claims nothing it was not told: it is unsure, or (for "do you do X?" where no service is X) it says X is
 * not among the services, names those it has, and offers a message to check with the team.
 */
export const unsureOrNotListed = (a: KnowledgeAnswer | undefined) =>
  !a?.confident || /^I don't see .+ among our services: .+ take a message to check with the team\.$/.test(a.text);
