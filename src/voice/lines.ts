/** The fixed lines a session speaks on its own (not from the brain). Per-organization overrides allowed. */
export interface SessionLines {
  fillers: string[];
  /** A tool's own hold line, said instead of a filler while it runs (a transfer rings someone for a while). */
  toolHolds: Record<string, string>;
  reprompt: string;
  silenceGoodbye: string;
  maxDuration: string;
  /** Said when the node must end a live call (it is being stopped and the call ran past the drain limit). */
  shutdownGoodbye: string;
  apologyTakeMessage: string;
  apologyCantHear: string;
  messageThanks: string;
}

/** Default English lines. */
export const DEFAULT_LINES: SessionLines = {
  fillers: ['One moment while I check that.', 'Let me look that up for you.', 'Just a second.'],
  toolHolds: { transfer_to_human: "Let me see if someone can take your call. Please stay on the line, I'll be right with you either way." },
  reprompt: 'Are you still there?',
  silenceGoodbye: "I haven't heard anything, so I'll hang up now. Please call back any time. Goodbye.",
  maxDuration: "I'm sorry, we've reached the time limit for this call. Someone from our team will follow up with you. Goodbye.",
  shutdownGoodbye: "I'm sorry, I have to end our call now. Someone from our team will call you back shortly. Goodbye.",
  apologyTakeMessage:
    "I'm sorry, I'm having some trouble on my end. Please tell me your name, your phone number and how we can help, and someone will call you back shortly.",
  apologyCantHear:
    "I'm sorry, I'm having trouble hearing you right now. Please leave your name, number and a short message, and someone will call you back.",
  messageThanks: "Thank you, I've passed your message on. Someone will call you back soon. Goodbye.",
};

/** The same lines in Spanish (usted), for calls in Spanish. */
export const SPANISH_LINES: SessionLines = {
  fillers: ['Un momento, por favor, déjeme revisar.', 'Permítame un momento.', 'Un segundo, por favor.'],
  toolHolds: { transfer_to_human: 'Déjeme ver si alguien puede atender su llamada. Por favor, no cuelgue; enseguida vuelvo con usted.' },
  reprompt: '¿Sigue ahí?',
  silenceGoodbye: 'No le escucho, así que voy a colgar. Puede llamarnos cuando guste. Hasta luego.',
  maxDuration: 'Lo siento, llegamos al límite de tiempo de esta llamada. Alguien de nuestro equipo se comunicará con usted. Hasta luego.',
  shutdownGoodbye: 'Lo siento, tengo que terminar la llamada. Alguien de nuestro equipo le devolverá la llamada en breve. Hasta luego.',
  apologyTakeMessage:
    'Disculpe, estoy teniendo un problema de mi lado. Por favor, dígame su nombre, su número de teléfono y en qué le podemos ayudar, y alguien le devolverá la llamada en breve.',
  apologyCantHear:
    'Disculpe, no le escucho bien en este momento. Por favor, deje su nombre, su número y un mensaje breve, y alguien le devolverá la llamada.',
  messageThanks: 'Gracias, ya pasé su mensaje. Alguien le devolverá la llamada pronto. Hasta luego.',
};

/** The session's own lines by language (ISO-639-1); English for any other. */
export const SESSION_LINES: Record<string, SessionLines> = { en: DEFAULT_LINES, es: SPANISH_LINES };
