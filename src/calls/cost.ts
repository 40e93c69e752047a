/**
 * Estimated cost of a call in US cents, from its minutes and the engine used. Rates are list prices
 * per minute (2026): Twilio inbound voice + Media Streams ≈ 0.85¢ + 0.4¢; Deepgram Nova streaming
 * ≈ 0.46¢; Aura TTS ≈ 0.5¢ for the agent's share of talk time; a small chat model ≈ 0.3¢; OpenAI
 * Realtime audio ≈ 6¢ averaged over both directions. Offline components cost nothing.
 */
export const RATE_CENTS_PER_MIN = {
  telephony: 1.25,
  stt: 0.46,
  tts: 0.5,
  llm: 0.3,
  realtime: 6,
} as const;

/** What ran on a call, for the estimate. */
export interface CostInputs {
  durationSec: number;
  channel: 'phone' | 'chat' | 'test';
  engine?: string | null;
  paidStt?: boolean;
  paidTts?: boolean;
  paidLlm?: boolean;
}

/** The estimate in whole cents (billing rounds up to the started minute, as Twilio does). */
export function estimateCostCents(c: CostInputs): number {
  const minutes = Math.max(1, Math.ceil(c.durationSec / 60));
  let rate = c.channel === 'phone' ? RATE_CENTS_PER_MIN.telephony : 0;
  if (c.engine === 'realtime') rate += RATE_CENTS_PER_MIN.realtime;
  else {
    if (c.paidStt) rate += RATE_CENTS_PER_MIN.stt;
    if (c.paidTts) rate += RATE_CENTS_PER_MIN.tts;
    if (c.paidLlm) rate += RATE_CENTS_PER_MIN.llm;
  }
  return c.channel === 'chat' && rate === 0 ? 0 : Math.round(minutes * rate);
}
