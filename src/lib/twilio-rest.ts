/**
 * The one client for Twilio's REST API (2010-04-01): Basic auth with the account's SID and token,
 * form-encoded POSTs under `/Accounts/{Sid}/`. Telephony (transfers, outbound calls, recordings,
 * number ownership) and notify (SMS, alert calls) both speak through it; each decides what a failure
 * means for its own work from the error's HTTP status.
 */

/** An account to call Twilio as, and the API's base URL (a local fake in tests). */
export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  apiBase: string;
}

/** Twilio answered with an error (`status`), or could not be reached (`status` undefined). */
export class TwilioRestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TwilioRestError';
  }
}

/** The `Authorization` header for the account. */
export function twilioAuthorization(a: TwilioAccount): string {
  return `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString('base64')}`;
}

/** The URL of a resource under the account (`Calls.json`, `Recordings/RE….mp3`). */
export function twilioAccountUrl(a: TwilioAccount, path: string): string {
  return `${a.apiBase.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(a.accountSid)}/${path}`;
}

/**
 * POSTs a form to a resource under the account and answers Twilio's JSON. A list value (such as
 * StatusCallbackEvent) is sent as the parameter repeated, as Twilio's own clients do. Without a
 * `signal` the request gives up after 5 s.
 */
export async function twilioPost(
  a: TwilioAccount,
  path: string,
  form: Record<string, string | string[]>,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  let res: Response;
  try {
    res = await fetch(twilioAccountUrl(a, path), {
      method: 'POST',
      headers: { authorization: twilioAuthorization(a), 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      signal: signal ?? AbortSignal.timeout(5000),
    });
  } catch (e) {
    throw new TwilioRestError(`twilio ${path}: ${(e as Error).message}`);
  }
  const text = await res.text().catch(() => '');
  let answer: Record<string, unknown> = {};
  try {
    answer = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // not JSON (a proxy's error page): the status says what happened, the text goes into the message
  }
  if (!res.ok) {
    const why = typeof answer.message === 'string' ? answer.message : text.slice(0, 300);
    throw new TwilioRestError(`twilio ${path}: ${res.status} ${why}`, res.status);
  }
  return answer;
}
