/**
 * Emergencies said in Spanish, read into the words the emergency lexicons hear in English ("huele
 * muchísimo a gas" → "i smell gas", "se nos ha estropeado la caldera" → "no heat", "estamos a dos
 * grados" → "freezing").
 *
 * The phrases (`EMERGENCY_PHRASES`) are read before the business's service words are kept aside: a
 * life-safety reading outranks a service word said inside it ("fuga de gas" is a gas leak even where
 * "fuga" is a synonym of Leak repair, "no tenemos calefacción" is no heat where "calefacción" names a
 * service). The service words said inside a phrase stay in the turn after its gloss, so the service
 * is still heard. These run on folded text whose numbers are still words. The single words
 * (`EMERGENCY_WORDS`: a baby, an elderly parent, a pet, a poison) run with the other glosses.
 */
import { escapeRegExp } from './text.js';
import { TENS, TENS_RE, UNIT_RE, UNITS, type Gloss } from './spanish-words.js';

/** A number said in digits or words up to 99 ("dos", "treinta y dos", "40"). */
const N = `(?:\\d{1,3}|(?:${TENS_RE}) y (?:uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)|${TENS_RE}|${UNIT_RE})`;
function spoken(n: string): number {
  if (/^\d+$/.test(n)) return Number(n);
  const [tens, unit] = n.split(' y ');
  if (unit) return TENS[tens] + (UNITS[unit] ?? 1);
  return TENS[n] ?? UNITS[n] ?? NaN;
}

/**
 * A temperature in degrees. Celsius or Fahrenheit is not said, so the gloss carries both readings and
 * the rule that asks (no heat: is it cold? no cooling: is it hot?) takes its own: 2 is freezing in
 * either scale; 40 is cold in Fahrenheit and a heat wave in Celsius; 95 is Fahrenheit heat.
 */
function degrees(below: string | undefined, n: number): string {
  if (below || n <= 12) return `freezing, ${below ? 'below zero' : `${n} degrees in the house`}`;
  if (n >= 30 && n <= 50) return `${n} degrees in the house, heat wave`;
  return n < 60 ? `${n} degrees in the house` : `${n} degrees`;
}

const HEATER =
  '(?:caldera|calefaccion|calefactor|calentador(?: de la casa)?|boiler|heater|furnace|bomba de calor|radiador(?:es)?|sistema de calefaccion)';
const COOLER = '(?:aire acondicionado|aire|clima|minisplit|mini split|split|a/?c|refrigeracion)';
/** Broken, however it is said from Madrid to Mexico ("se ha estropeado", "se descompuso", "se averió", "se fregó"). */
const BROKE =
  '(?:estropeado|estropeo|averiado|averio|descompuesto|descompuso|roto|rompio|danado|dano|fallado|fallo|parado|paro|muerto|murio|apagado|apago|fregado|frego|jodido|jodio|chingado|chingo|trabado|trabo)';
const BROKEN_STATE = `(?:esta |estan )?(?:averiad|estropead|descompuest|rot|danad|apagad|muert|fregad|jodid)[oa]s?`;
const WONT = (does: string) =>
  `(?:ya )?(?:no (?:${does}|quiere (?:prender|encender|arrancar|funcionar))|dejo de (?:funcionar|servir|andar)|(?:se )?(?:nos |me |le )?(?:ha )?${BROKE}|${BROKEN_STATE}|esta fallando)`;

/** Phrases read before the service words are kept aside (numbers still in words). */
export const EMERGENCY_PHRASES: Gloss[] = [
  // gas: smelled, leaking, escaping
  [
    /\b(?:huele|huela|olia|hiede|apesta|se huele|esta oliendo|anda oliendo)(?: (?:mucho|muchisimo|bastante|fuerte|fuertisimo|horrible|feo|raro|demasiado|un poco|un poquito|poquito|medio|bien|muy|re|super|como|todo|toda la casa|en (?:la|el|toda la|todo el) [a-z]+))* (?:a|como a) (?:gas|propano|butano)\b/g,
    'i smell gas',
  ],
  [
    /\b(?:olor|olorcito|tufo|tufillo|peste|hedor)(?: (?:muy|bien|re|super|fuerte|fuertisimo|horrible|feo|raro|intenso|extrano))* (?:a|de|como a|como de) (?:gas|propano|butano)\b/g,
    'gas smell',
  ],
  [
    /\b(?:fugas?|escapes?|salida|perdida|salidero|liqueo)(?: (?:grande|fuerte|pequena|chiquita))? (?:de|del) (?:gas|propano|butano)\b|\bfuga en (?:la |el )?(?:linea|tuberia|tubo|toma|llave|conexion|manguera|tanque|cilindro|medidor) del? gas\b/g,
    'gas leak',
  ],
  [
    /\b(?:se (?:esta )?(?:sale|saliendo|escapa|escapando|fuga|fugando)|(?:esta )?(?:saliendo|escapando)|pierde|perdiendo|tira|tirando|suelta|soltando|bota|botando) (?:el |un poco de |mucho )?(?:gas|propano|butano)\b/g,
    'gas is leaking',
  ],
  [
    /\b(?:(?:la|el) )?(?:alarma|detector|sensor)(?: de)? (?:monoxido(?: de carbono)?|co)(?: (?:esta|se|no para de|empezo a))? ?(?:sonando|sono|suena|pita|pitando|pito|activo|disparo|chilla|chillando|sonar)\b/g,
    'carbon monoxide alarm going off',
  ],
  // a caller in crisis, before "quiero" is read as a wish
  [
    /\b(?:me|se|te|nos) (?:quiero|quiere|quieren|queria) (?:morir|matar|suicidar)\b|\bquiero (?:morirme|matarme|suicidarme)\b|\b(?:pensando|pienso|penso) en (?:matarme|suicidarme|quitarme la vida|acabar con todo)\b|\bquitarme la vida\b|\bquitarse la vida\b|\bsuicid(?:arme|arse|io|a)\b|\bno quiero (?:seguir )?vivir\b(?! (?:con|en|cerca|lejos|junto|alla|aqui|ahi))|\bno quiero estar aqui ya\b|\bya no quiero estar aqui\b|\bhacerme dano\b|\blastimarme\b/g,
    'suicidal',
  ],
  // fire, smoke, a burning smell
  [
    /\b(?:huele|olor|olorcito|tufo|hay olor|apesta)(?: (?:mucho|muy|fuerte|bien|re|horrible|como))* (?:a|de) (?:quemado|quemao|cables? quemados?|plastico quemado|hule quemado|goma quemada|algo quemado|quemazon)\b/g,
    'burning smell',
  ],
  // smoke and fire each their own words, with no comma between: "no hay humo ni fuego" denies both
  [/\b(?:el |la |un |una )?(?:detector|alarma|sensor)(?:es)? de humo\b/g, 'smoke detector'],
  [
    /\b(?:hay|sale|salen|esta saliendo|estan saliendo|echa|echando|saca|sacando) (?:mucho |muchisimo )?humo\b/g,
    'smoke is coming out',
  ],
  [
    /\b(?:hay|sale|salen|esta saliendo|estan saliendo|echa|echando|saca|sacando) (?:mucho |muchisimo )?llamas\b|\ben llamas\b|\b(?:se )?(?:prendio|agarro|cogio|tomo) fuego\b|\bse esta (?:quemando|incendiando)\b|\b(?:hay )?(?:un )?(?:fuego|incendio)\b(?! artificial)|\bse incendio\b/g,
    'on fire',
  ],
  [/\bhumo\b/g, 'smoke'],
  // water where it must not be
  [
    /\bse (?:me |nos |le )?(?:ha |han )?(?:reviento|reventado|revento|rompio|roto|partio|partido|quebro|exploto|estallo) (?:un |el |la |una |mi )?(?:tubo|tuberia|cano|caneria|manguera)(?: principal| del agua| de agua)?\b|\b(?:tubo|tuberia|cano|caneria|manguera)s? (?:rot|reventad|partid|quebrad)[oa]s?\b|\b(?:revento|reventaron|exploto|estallo) (?:un |el |la |una )?(?:tubo|tuberia|cano|caneria)\b/g,
    'burst pipe',
  ],
  [
    /\b(?:tuberias?|tubos?|canerias?|canos?) (?:se )?(?:estan |esta )?congelad[oa]s?\b|\bse (?:congelo|congelaron|han congelado|ha congelado) (?:la |las |los |el )?(?:tuberias?|tubos?|canerias?|canos?)\b/g,
    'frozen pipes',
  ],
  [
    /\b(?:el |la )?(?:inodoro|excusado|wc|water|vater|taza|retrete|lavabo|lavamanos|tina|banera) (?:se )?(?:esta )?(?:desborda\w*|rebosa\w*|derrama\w*)/g,
    'toilet overflowing',
  ],
  // heating and cooling
  [
    new RegExp(
      `\\bse (?:nos |me |le |les )?(?:ha |han )?${BROKE} (?:la |el |mi |nuestra |nuestro )?${HEATER}\\b|\\b(?:la |el |mi |nuestra |nuestro )?${HEATER} ${WONT('funciona|prende|enciende|arranca|calienta|sirve|jala|da calor|tira calor|echa calor')}\\b|\\b(?:la |el )?${HEATER} (?:esta )?(?:echando|tirando|sacando) (?:aire )?frio\\b|\\bno (?:tengo|tenemos|hay|tiene|tienen|funciona|prende|sirve) (?:nada de |la |el )?(?:calefaccion|calefactor)\\b|\\bno (?:tengo|tenemos|tiene|tienen) (?:nada de )?calor\\b|\\b(?:sin|nos quedamos sin|me quede sin|estamos sin|estoy sin|seguimos sin) (?:la )?(?:calefaccion|calefactor)\\b`,
      'g',
    ),
    'no heat',
  ],
  [
    new RegExp(
      `\\bse (?:nos |me |le )?(?:ha |han )?${BROKE} (?:el |la |mi )?${COOLER}\\b|\\b(?:el |la |mi )?${COOLER}(?: de la casa)? ${WONT('funciona|enfria|prende|enciende|arranca|sirve|jala|tira frio|echa frio')}\\b|\\b(?:el |la )?${COOLER} (?:esta )?(?:echando|tirando|sacando) (?:puro )?(?:aire )?caliente\\b|\\bno (?:tengo|tenemos|hay|tiene|tienen|funciona|prende|sirve|jala|enfria) (?:el |la )?${COOLER}\\b|\\bsin (?:aire acondicionado|clima)\\b`,
      'g',
    ),
    'no ac',
  ],
  // how cold or hot it is
  [
    new RegExp(
      `\\b(?:estamos|esta|estan|estoy|hace|hay|tenemos|marca|marcaba|marcan|anda|andamos|llegamos|bajo|bajamos|a)(?: a)?(?: (?:unos|como|apenas|solo|solamente|casi))? (menos |bajo cero |-)?(${N}) grados(?: (?:centigrados|celsius|fahrenheit))?\\b`,
      'g',
    ),
    (_m: string, below: string | undefined, n: string) => degrees(below, spoken(n)),
  ],
  [/\bbajo cero\b/g, 'below zero'],
  [
    /\b(?:nos estamos|me estoy|se estan|estamos|estoy) (?:congelando|helando|muriendo de frio)\b|\bmuert[oa]s de frio\b|\b(?:la casa|el departamento|el apartamento|el piso|adentro) (?:esta )?(?:helad[oa]|congelad[oa]|como un congelador)\b/g,
    'freezing in the house',
  ],
  [
    /\b(?:hace|hay|tengo|tenemos|con este|con un) (?:un )?(?:mucho |muchisimo |tanto |tremendo )?frio(?: (?:tremendo|horrible|terrible|espantoso|bestial|que pela|que cala|de muerte))?\b|\bmucho frio\b|\besta helando\b|\bcongelando\b/g,
    'freezing',
  ],
  [
    /\b(?:hace|hay|tenemos|con este|con un) (?:un )?(?:mucho |muchisimo |tanto |tremendo )?calor(?: (?:tremendo|horrible|insoportable|infernal|de muerte|terrible|espantoso))?\b|\bmucho calor\b|\bnos estamos (?:asando|muriendo de calor)\b|\bmuert[oa]s de calor\b|\bola de calor\b|\bcaloron\b/g,
    'heat wave',
  ],
  // electricity
  [
    /\b(?:chispas|chispea|chispeando|chisporrotea|chisporroteando|saca chispas|echa chispas|sacando chispas|echando chispas|salen chispas|saltan chispas|salio una chispa|hace corto|hizo corto|corto ?circuito)\b/g,
    'sparks',
  ],
  [/\bcables? (?:expuestos?|pelados?|sueltos?|al aire|colgando|descubiertos?)\b/g, 'exposed wires'],
  [
    /\bme dio (?:un |la )?(?:toque|choque electrico|descarga|corriente)\b|\ble dio (?:un |la )?(?:toque|descarga|corriente)\b|\bdescarga electrica\b|\bse electrocuto\b|\bme electrocute\b/g,
    'got a shock',
  ],
  [
    /\b(?:el |la |un |una )?(?:enchufe|contacto|tomacorriente|panel|breaker|interruptor|caja de fusibles|apagador|cable)s? (?:esta |estan )?(?:muy |bien |re )?(?:caliente|calientes|derretid[oa]s?|quemad[oa]s?|ahumad[oa]s?|echando humo|zumbando|tronando)\b/g,
    'outlet is hot',
  ],
  [
    /\bno (?:tengo|tenemos|hay) (?:luz|electricidad|corriente)\b|\bse (?:nos |me )?(?:fue|corto) la (?:luz|electricidad|corriente)\b|\bsin (?:luz|electricidad|corriente)\b/g,
    'no power',
  ],
  // a car in trouble
  [
    /\b(?:los |mis )?frenos (?:ya )?no (?:funcionan|sirven|responden|agarran|frenan|jalan)\b|\bme quede sin frenos\b|\bsin frenos\b|\bse (?:me |le )?fueron los frenos\b|\bno (?:puedo|pude) frenar\b/g,
    'brakes failed',
  ],
  [
    /\b(?:estoy|me quede|nos quedamos|estamos) (?:varad[oa]s?|tirad[oa]s?|botad[oa]s?)\b|\bse (?:me |nos )?(?:descompuso|paro|apago|murio|averio) el (?:carro|coche|auto|motor|camion|camioneta|vehiculo)\b|\bel (?:carro|coche|auto|camion|camioneta|vehiculo) no (?:arranca|prende|enciende|quiere arrancar|anda)\b/g,
    'broke down',
  ],
  [
    /\bse (?:me |nos )?(?:poncho|pincho|reviento|revento) (?:una |la )?(?:llanta|rueda|goma|cubierta)\b|\b(?:llanta|rueda|goma) (?:ponchada|pinchada|reventada)\b/g,
    'got a flat tire',
  ],
  // teeth
  [
    /\bse (?:me |le |nos )?(?:cayo|salio|tumbo|zafo|arranco) (?:un |el |una |la )?(?:diente|muela)\b|\b(?:me |le )?(?:tumbaron|volaron|sacaron) (?:un |el )?diente\b/g,
    'tooth knocked out',
  ],
  [
    /\b(?:el sangrado )?no (?:para|deja) de sangrar\b|\bsigue sangrando\b|\bsangra mucho\b|\besta sangrando mucho\b/g,
    "bleeding won't stop",
  ],
  [
    /\b(?:cara|mejilla|cachete|encia|quijada|mandibula) (?:muy |toda )?(?:hinchad[oa]|inflamad[oa])\b|\bse me (?:hincho|inflamo) (?:la |toda la |el )?(?:cara|mejilla|cachete|encia|quijada|mandibula|boca)\b|\babsceso\b/g,
    'swollen face',
  ],
  [
    /\b(?:dolor de muelas|dolor de diente|dolor de muela) (?:muy fuerte|terrible|insoportable|horrible)\b|\b(?:muy fuerte|terrible|insoportable|horrible) dolor de (?:muelas?|dientes?)\b|\bme duele (?:muchisimo|horrible|demasiado|un monton) (?:la muela|el diente|una muela)\b|\bno (?:puedo|pude) dormir del dolor\b/g,
    'severe tooth pain',
  ],
  [
    /\bse me (?:rompio|quebro|partio|despostillo|astillo) (?:un |una |el |la )?(?:diente|muela|corona)\b|\b(?:diente|muela) (?:rot[oa]|quebrad[oa]|partid[oa])\b/g,
    'broken tooth',
  ],
];

/**
 * Reads the emergency phrases of a folded turn, keeping the service words said inside each ("no
 * tenemos calefacción" with "calefacción" a service → "no heat calefaccion"). `protect` is longest first.
 */
export function glossEmergencies(text: string, protect: string[]): string {
  let t = text;
  for (const [re, to] of EMERGENCY_PHRASES) {
    t = t.replace(re, (...args: string[]) => {
      const said = args[0];
      const gloss = typeof to === 'string' ? to : to(...args);
      const kept: string[] = [];
      for (const p of protect)
        if (!kept.some((k) => k.includes(p)) && new RegExp(`(?<![a-z])${escapeRegExp(p)}(?![a-z])`).test(said))
          kept.push(p);
      return kept.length ? `${gloss} ${kept.join(' ')}` : gloss;
    });
  }
  return t;
}

/** Words read with the other glosses (after the service words are kept aside; numbers in digits). */
export const EMERGENCY_WORDS: Gloss[] = [
  [
    /\b(?:alguien|una persona) (?:esta )?(?:herid[oa]|lastimad[oa])\b|\bse lastimo\b|\besta herid[oa]\b/g,
    'someone is hurt',
  ],
  [/\bno (?:puede|puedo|podemos) respirar\b/g, "can't breathe"],
  [/\bmonoxido de carbono\b/g, 'carbon monoxide leak'],
  [
    /\bse (?:me |nos )?(?:esta )?inund\w*\b|\binundacion\b|\bhay agua por todas partes\b|\bagua por todos lados\b|\b(?:sale|esta saliendo) (?:el )?agua a chorros\b/g,
    'flooding',
  ],
  [/\baguas negras\b|\bse regreso el drenaje\b/g, 'sewage backup'],
  // a pet or a child that swallowed something, someone shut in a car
  [/\bse (?:comio|trago|tomo|bebio)\b/g, 'ate'],
  [/\b(?:mi|el|la|nuestro|nuestra) (?:perro|perrito|perra|perrita)\b/g, 'my dog'],
  [/\b(?:mi|el|la|nuestro|nuestra) (?:gato|gatito|gata|gatita)\b/g, 'my cat'],
  [/\bveneno (?:para|de) (?:ratas|ratones|raton)\b|\braticida\b/g, 'rat poison'],
  [/\bpastillas\b|\bmedicina\b|\bmedicamentos?\b/g, 'pills'],
  [/\bantic?congelante\b/g, 'antifreeze'],
  [
    /\b(?:esta|se quedo|quedo) (?:encerrad[oa]|atrapad[oa]) (?:en|dentro de) (?:el|la|mi) (?:carro|coche|auto|camioneta)\b|\b(?:encerrad[oa]|atrapad[oa]) en el (?:carro|coche|auto)\b/g,
    'locked in the car',
  ],
  // who is at risk: a baby, a small child, an elderly or sick person
  [/\b(?:un|una|mi|el|la|nuestro|nuestra) (?:bebe|bebita|bebito|nene|nena|guagua)\b/g, 'a baby'],
  [/\brecien nacid[oa]s?\b/g, 'newborn'],
  [
    /\b(a baby|newborn) de (\d{1,2}) (meses|semanas)\b/g,
    (_m, who: string, n: string, unit: string) => `${who} ${n} ${unit === 'meses' ? 'months' : 'weeks'} old`,
  ],
  [/\b(?:mi hij[oa]|el nino|la nina|mi nin[oa])\b/g, 'my child'],
  [
    /\b(my child|a baby|(?:un |una |el |la |mi |su )?(?:hij[oa]|nin[oa]|niet[oa]|chiquit[oa]|nene|nena)) de ([1-5]) anos?\b/g,
    (_m, who: string, n: string) => `${who}, a ${n} years old`,
  ],
  [
    /\b(?:mi|nuestra|nuestro|una|un|la|el|su) (?:abuel[oa]|abuelit[oa]|suegr[oa]|mama|madre|papa|padre|tia|tio)(?: que)? (?:tiene|de|con) (\d{2,3}) anos\b/g,
    (m: string, n: string) => (Number(n) >= 65 ? 'an elderly parent' : m),
  ],
  [/\b(?:mi|nuestra|la|una|su) abuel(?:a|ita)\b/g, 'my grandma'],
  [/\b(?:mi|nuestro|el|un|su) abuel(?:o|ito)\b/g, 'my grandpa'],
  [/\b(?:mis|los|nuestros|sus) abuel(?:os|itos)\b/g, 'my grandparents'],
  [
    /\b(?:mi mama|mi madre|mi papa|mi padre) (?:que )?es mayor\b|\bpersonas? mayor(?:es)?\b|\badultos? mayor(?:es)?\b|\bancian[oa]s?\b|\bde la tercera edad\b|\bviejit[oa]s?\b/g,
    'an elderly parent',
  ],
  [/\bembarazada\b/g, 'pregnant'],
  [/\benferm[oa]s?\b/g, 'sick'],
  [/\boxigeno\b/g, 'oxygen'],
  [/\bdiscapacitad[oa]s?\b|\ben silla de ruedas\b/g, 'disabled'],
  [/\bnin[oa]s (?:pequen|chiquit|chic)[oa]s\b|\bchiquit[oa]s\b/g, 'little kids'],
  [/\bno (?:tengo|tenemos|hay) agua\b/g, 'no water'],
  [/\b(?:fuga|gotera|goteo)(?: de agua)?\b|\bgotea\b/g, 'leak'],
  [
    /\ben la (?:autopista|carretera|freeway|autovia|interestatal|panamericana)\b|\ben el periferico\b/g,
    'on the highway',
  ],
  [/\b(?:choque|un choque|accidente)\b|\b(?:me|nos) (?:chocaron|pegaron)\b|\bme estrelle\b/g, 'accident'],
  [/\b(?:me quema|me arde) el cuero cabelludo\b|\bquemadura (?:quimica|por el tinte)\b/g, 'chemical burn'],
  [/\bes urgente\b|\buna urgencia\b|\buna emergencia\b|\bes una emergencia\b/g, 'emergency'],
  [
    /\bno es (?:tan |nada )?urgente\b|\bnada urgente\b|\bsin prisa\b|\bno hay (?:prisa|apuro)\b|\bno corre prisa\b|\bno es (?:ninguna|nada de) emergencia\b|\bno es (?:nada )?grave\b|\bnada grave\b|\bpuede esperar\b/g,
    'nothing urgent',
  ],
  // the body and the mind: a heart, a stroke, breath, fainting, a crisis, sight
  [
    /\b(?:dolor|presion|opresion|peso|punzadas?) (?:muy fuerte |fuerte )?(?:en el|del|de|en mi) pecho\b|\b(?:me|le) (?:duele|aprieta) (?:mucho )?el pecho\b/g,
    'chest pain',
  ],
  [/\b(?:un )?(?:infarto|ataque al corazon|ataque cardiaco)\b(?! cerebral)/g, 'heart attack'],
  [/\b(?:un )?(?:derrame cerebral|infarto cerebral|ictus|embolia)\b/g, 'signs of a stroke'],
  [
    /\b(?:la )?(?:cara|boca) (?:caida|torcida|chueca)\b|\bse le (?:cayo|torcio|cae|tuerce) (?:la cara|la boca|un lado de la cara)\b/g,
    'face is drooping',
  ],
  [
    /\b(?:habla|hablando) (?:arrastrando las palabras|enredad[oa]|muy rar[oa])\b|\barrastra las palabras\b|\bno (?:puede|puedo) hablar bien\b/g,
    'speech is slurred',
  ],
  [
    /\b(?:me|le|nos) falta (?:el )?aire\b|\bfalta de aire\b|\bme ahogo\b|\bse (?:esta )?ahogando\b/g,
    "can't catch my breath",
  ],
  [/\bse (?:me |nos |le )?desmayo\b|\bme desmaye\b|\b(?:esta )?desmayad[oa]\b|\bperdio el conocimiento\b/g, 'fainted'],
  [
    /\b(?:una )?(?:cortina|sombra|mancha negra|mancha oscura|nube)(?: negra| oscura)? (?:en|sobre|que tapa|que cubre|tapando|cubriendo) (?:la |mi |el |parte de (?:la |mi )?)?(?:vista|vision|ojo)\b/g,
    'a curtain over my vision',
  ],
  [
    /\b(?:perdi|perdio|he perdido|ha perdido) la vista (?:de|en) (?:un|el|mi) ojo\b|\bno (?:veo|ve) (?:nada )?(?:de|con|por) (?:un|el|este|mi) ojo\b/g,
    'lost the sight in my eye',
  ],
  [/\b(?:destellos|relampagos|flashes)(?: de luz)?\b/g, 'flashes of light'],
];
