import { eq } from 'drizzle-orm';
import { schema, type CallingWindow, type Db, type Queryable } from '../db/index.js';

/** The channel settings document of one organization (defaults until first saved). */
export interface ChannelSettings {
  allowedOrigins: string[];
  color: string;
  position: 'bottom-right' | 'bottom-left';
  greeting: string | null;
  callingWindow: CallingWindow;
  callbackCalls: boolean;
  /** Outbound calls placed or in progress at once, at most (campaigns, reminders, follow-ups and manual calls together). */
  maxConcurrentCalls: number;
  /** The agent calls back new website-chat and missed-call leads `delayMinutes` after they arrive. */
  followUp: { enabled: boolean; delayMinutes: number };
}

/** 9:00–20:00 local time every day: the default outbound calling window. */
export const DEFAULT_CALLING_WINDOW: CallingWindow = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  from: '09:00',
  to: '20:00',
};

const DEFAULTS: ChannelSettings = {
  allowedOrigins: [],
  color: '#2563eb',
  position: 'bottom-right',
  greeting: null,
  callingWindow: DEFAULT_CALLING_WINDOW,
  callbackCalls: false,
  maxConcurrentCalls: 10,
  followUp: { enabled: false, delayMinutes: 5 },
};

type Row = typeof schema.channelSettings.$inferSelect;
const fromRow = (r: Row | undefined): ChannelSettings =>
  r
    ? {
        allowedOrigins: r.allowedOrigins,
        color: r.widgetColor,
        position: r.widgetPosition,
        greeting: r.widgetGreeting,
        callingWindow: r.callingWindow,
        callbackCalls: r.callbackCalls,
        maxConcurrentCalls: r.maxConcurrentCalls,
        followUp: { enabled: r.followUpLeads, delayMinutes: r.followUpDelayMin },
      }
    : { ...DEFAULTS, followUp: { ...DEFAULTS.followUp } };

/** Reads an organization's channel settings. */
export async function getChannelSettings(db: Queryable, organizationId: string): Promise<ChannelSettings> {
  const [row] = await db
    .select()
    .from(schema.channelSettings)
    .where(eq(schema.channelSettings.organizationId, organizationId));
  return fromRow(row);
}

/** Changes only the given fields (the others keep their values) and answers the whole document. */
export async function patchChannelSettings(
  db: Db,
  organizationId: string,
  patch: Partial<Omit<ChannelSettings, 'followUp'>> & { followUp?: Partial<ChannelSettings['followUp']> },
): Promise<ChannelSettings> {
  const set: Partial<typeof schema.channelSettings.$inferInsert> = {
    ...(patch.allowedOrigins !== undefined ? { allowedOrigins: [...new Set(patch.allowedOrigins)] } : {}),
    ...(patch.color !== undefined ? { widgetColor: patch.color } : {}),
    ...(patch.position !== undefined ? { widgetPosition: patch.position } : {}),
    ...(patch.greeting !== undefined ? { widgetGreeting: patch.greeting } : {}),
    ...(patch.callingWindow !== undefined ? { callingWindow: patch.callingWindow } : {}),
    ...(patch.callbackCalls !== undefined ? { callbackCalls: patch.callbackCalls } : {}),
    ...(patch.maxConcurrentCalls !== undefined ? { maxConcurrentCalls: patch.maxConcurrentCalls } : {}),
    ...(patch.followUp?.enabled !== undefined ? { followUpLeads: patch.followUp.enabled } : {}),
    ...(patch.followUp?.delayMinutes !== undefined ? { followUpDelayMin: patch.followUp.delayMinutes } : {}),
  };
  const [row] = await db
    .insert(schema.channelSettings)
    .values({ organizationId, ...set })
    .onConflictDoUpdate({ target: schema.channelSettings.organizationId, set: { ...set, updatedAt: new Date() } })
    .returning();
  return fromRow(row);
}

/** The website visitor's greeting by language (the owner's own greeting replaces it). */
const WIDGET_GREETINGS = {
  en: (name: string) => `Hi! Thanks for visiting ${name}. How can we help you today?`,
  es: (name: string) => `¡Hola! Gracias por visitar ${name}. ¿En qué podemos ayudarle?`,
};

/**
 * The widget's language from the agent's setting: `auto` (the page's language decides, English when
 * it is neither), or the main language of a tag or list ("es-MX" → es, "es,en" → es); English otherwise.
 */
export function widgetLanguage(setting: string | null | undefined): 'en' | 'es' | 'auto' {
  const s = (setting ?? 'en').trim().toLowerCase();
  if (s === 'auto') return 'auto';
  return s.split(',')[0].trim().startsWith('es') ? 'es' : 'en';
}

/** The organization behind a public chat key, with what its widget needs; null for an unknown key. */
export async function widgetByKey(db: Queryable, chatKey: string) {
  const [row] = await db
    .select({
      organizationId: schema.organizations.id,
      name: schema.organizations.name,
      language: schema.agents.language,
      greeting: schema.businessConfigs.greeting,
      settings: schema.channelSettings,
    })
    .from(schema.organizations)
    .leftJoin(schema.agents, eq(schema.agents.organizationId, schema.organizations.id))
    .leftJoin(schema.businessConfigs, eq(schema.businessConfigs.organizationId, schema.organizations.id))
    .leftJoin(schema.channelSettings, eq(schema.channelSettings.organizationId, schema.organizations.id))
    .where(eq(schema.organizations.chatKey, chatKey));
  if (!row) return null;
  const s = fromRow(row.settings ?? undefined);
  return {
    organizationId: row.organizationId,
    allowedOrigins: s.allowedOrigins,
    /** What `GET /api/widget/:orgKey/config` answers to any allowed page. */
    config: {
      name: row.name, // The phone greeting says "thanks for calling"; a website visitor is greeted as one.
      greeting: s.greeting ?? WIDGET_GREETINGS[widgetLanguage(row.language) === 'es' ? 'es' : 'en'](row.name),
      color: s.color,
      position: s.position,
      language: widgetLanguage(row.language),
      // an agent on auto greets in the page's language: the widget picks the greeting of its own words' language
      ...(s.greeting ? {} : { greetings: { en: WIDGET_GREETINGS.en(row.name), es: WIDGET_GREETINGS.es(row.name) } }),
    },
  };
}
