/**
 * Which language a caller speaks, from their first words, and a caller asking for the other one
 * ("¿habla español?", "in English, please"). The statistics are franc's (trigram profiles shipped in
 * the package, MIT, offline); a turn too short for trigrams to decide ("sí", "yes please") is read by
 * words that exist in one language only.
 */
import { francAll } from 'franc-min';
import type { Lang } from '../types.js';
import { foldSpanish } from './spanish.js';

const SPANISH_WORDS = new Set(
  (
    'hola buenos buenas dias tardes noches si gracias quiero quisiera necesito necesita una cita para manana pasado el la los las de del que por favor ' +
    'con mi su usted es esta estoy tengo tiene hay puede pueden cuando donde cuanto cuesta hora horas semana lunes martes miercoles jueves viernes sabado domingo ' +
    'llamo nombre numero telefono cancelar cambiar reservar agendar claro bueno pues mejor tarde noche dia espanol ayuda ayudar servicio hacer perdon vale ' +
    'abren cierran abierto abiertos como muy tambien pero porque yo nosotros algo mas menos media cuarto y o sabe ' +
    'andale orale simon nel listo chevere porfa aja digale avisele comunica encuentra cuanto cobran precio turno'
  ).split(' '),
);
const ENGLISH_WORDS = new Set(
  (
    "hi hello hey yes yeah yep the an i i'm im my you your to for and is it it's this that need want like would could can please thanks thank " +
    'appointment book schedule tomorrow today morning afternoon evening next week monday tuesday wednesday thursday friday saturday sunday at on in ' +
    'what when where how much open close hours name number phone cancel reschedule change okay ok sure great good of with do does have has be'
  ).split(' '),
);

/**
 * The language of one caller turn, or undefined when it cannot tell (a number, a name, "ok").
 * Words found in only one language's list decide a short turn; franc decides a longer one when the
 * words do not, and only with a clear margin.
 */
export function detectLanguage(text: string): Lang | undefined {
  const words = foldSpanish(text)
    .replace(/[^a-z' ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length) return undefined;
  let es = 0;
  let en = 0;
  for (const w of words) {
    const inEs = SPANISH_WORDS.has(w);
    const inEn = ENGLISH_WORDS.has(w);
    if (inEs && !inEn) es++;
    if (inEn && !inEs) en++;
  }
  if (/[ñ¿¡]|[áéíóú]/i.test(text)) es += 2;
  // no word of either language: a name or a place ("Osvaldo Fonseca", "Calle Ocho"), which trigrams misread
  if (!es && !en && (words.length <= 3 || isProperNoun(text))) return undefined;
  if (es >= 2 * en + 1 && es >= 1 && (es >= 2 || words.length <= 3)) return 'es';
  if (en >= 2 * es + 1 && en >= 1 && (en >= 2 || words.length <= 3)) return 'en';
  const letters = words.join('').length;
  if (letters < 12) return undefined;
  const [best, second] = francAll(text, { only: ['eng', 'spa'], minLength: 1 });
  if (!best || best[0] === 'und' || (second && second[1] > 0.85)) return undefined;
  return best[0] === 'spa' ? 'es' : 'en';
}

/** Every word written with a capital, as a recogniser writes a name ("Jorge Luis Maldonado Santiago"). */
function isProperNoun(text: string): boolean {
  const words = text.split(/[^\p{L}'-]+/u).filter(Boolean);
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w));
}

/** The caller asks for a language: "¿habla español?", "en español, por favor", "do you speak English?". */
export function languageRequest(text: string): Lang | undefined {
  const t = foldSpanish(text);
  if (
    /\b(?:habla(?:s|n)?|hablan|puede hablar|podemos hablar|puedo hablar|en) (?:en )?espanol\b|\bspeak spanish\b|\bin spanish\b|\bspanish,? please\b|^espanol\b/.test(
      t,
    )
  )
    return 'es';
  if (
    /\b(?:speak|talk|talking|speaking|continue|go on) (?:in )?english\b|\bin english\b|\benglish,? please\b|\bhabla(?:s)? ingles\b|\ben ingles\b|^english\b/.test(
      t,
    )
  )
    return 'en';
  return undefined;
}
