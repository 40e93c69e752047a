/**
 * What the customer's own messages say in Spanish, written as a native speaker writes to a customer
 * (usted), dates the Spanish way: "el martes 17 de marzo a las 3 de la tarde". Same keys as en.ts.
 */
import { momentoEs } from '../../lib/index.js';
import { str, type CustomerLines } from './en.js';

/** "el martes 17 de marzo a las 3 de la tarde" in the business's timezone. */
function cuando(iso: string | number | null | undefined, tz: string): string {
  if (iso === null || iso === undefined) return 'una hora por confirmar';
  return momentoEs(String(iso), tz);
}
/** "de" and "a" before "el martes…" contract: "del martes…", "al martes…". */
const del = (when: string) => (when.startsWith('el ') ? when.replace(/^el /, 'del ') : `de ${when}`);
const al = (when: string) => (when.startsWith('el ') ? when.replace(/^el /, 'al ') : `a ${when}`);
/** The service as a noun phrase: "su cita" when none is named, "su Corte de pelo" otherwise. */
const cita = (name: unknown) => (name ? `su cita de ${String(name)}` : 'su cita');
/** "Hola, Ana:" (or "Hola:" without a name), the letter's opening. */
const saludo = (name: unknown) => (name ? `Hola, ${String(name)}:` : 'Hola:');
const Cita = (name: unknown) => `S${cita(name).slice(1)}`;

export const ES: CustomerLines = {
  when: cuando,
  via: (org) => `— ${org}, a través de InfiniOffice`,
  booking_confirmation: ({ orgName, timezone: tz, data: d }) => ({
    subject: `${Cita(d.serviceName)} con ${orgName} está reservada`,
    lines: [
      saludo(d.customerName),
      `${Cita(d.serviceName)} con ${orgName} está reservada para ${cuando(d.start, tz)}.`,
      ...(d.address ? [`Dirección: ${str(d.address)}`] : []),
      'Si necesita cambiarla, responda a este mensaje o llámenos.',
    ],
    sms: `${orgName}: ${cita(d.serviceName)} está reservada para ${cuando(d.start, tz)}.`,
  }),
  reschedule_notice: ({ orgName, timezone: tz, data: d }) => ({
    subject: `Cambio: ${cita(d.serviceName)} es ahora ${cuando(d.start, tz)}`,
    lines: [
      `${Cita(d.serviceName)} con ${orgName} ha cambiado de hora.`,
      `Antes: ${cuando(d.previousStart, tz)}`,
      `Ahora: ${cuando(d.start, tz)}`,
    ],
    sms: `${orgName}: ${cita(d.serviceName)} ha pasado ${del(cuando(d.previousStart, tz))} ${al(cuando(d.start, tz))}.`,
  }),
  cancel_notice: ({ orgName, timezone: tz, data: d }) => ({
    subject: `Cancelada: ${cita(d.serviceName)} ${cuando(d.start, tz)}`,
    lines: [`${Cita(d.serviceName)} con ${orgName} ${del(cuando(d.start, tz))} ha quedado cancelada.`],
    sms: `${orgName}: ${cita(d.serviceName)} ${del(cuando(d.start, tz))} ha quedado cancelada.`,
  }),
  appointment_reminder: ({ orgName, timezone: tz, from, data: d }) => ({
    subject: `Recordatorio: ${cita(d.serviceName)} con ${orgName} ${cuando(d.start, tz)}`,
    lines: [
      saludo(d.customerName),
      `le recordamos ${cita(d.serviceName)} con ${orgName} ${cuando(d.start, tz)}.`,
      'Si necesita cambiarla, responda a este mensaje o llámenos.',
    ],
    sms: `${orgName}: le recordamos ${cita(d.serviceName)} ${cuando(d.start, tz)}.${from ? ` Para cambiarla o cancelarla, llame al ${from}.` : ''}`,
  }),
  agent_call: ({ orgName, data: d }) => ({
    subject: `El asistente de ${orgName} llama a ${str(d.to, 'un cliente')}`,
    lines: [
      `El asistente de ${orgName} llama a ${str(d.to, 'un cliente')} para dar seguimiento a ${str(d.need, 'su consulta')}.`,
    ],
    sms: `${orgName}: le devolveremos la llamada sobre ${str(d.need, 'su consulta')}.`,
  }),
  chat_summary: ({ orgName, data: d }) => ({
    subject: `Su conversación con ${orgName}`,
    lines: [`De su conversación por chat con ${orgName}:`, str(d.text)],
    sms: `${orgName}: ${str(d.text)}`,
  }),
  verification_code: ({ orgName, data: d }) => ({
    subject: `Código de verificación de ${orgName}`,
    lines: [
      `Su código de ${orgName} es ${str(d.code)}.`,
      'Caduca en 10 minutos. Si usted no lo pidió, ignore este mensaje.',
    ],
    sms: `${orgName}: su código es ${str(d.code)}. Caduca en 10 minutos. No lo comparta con nadie; nunca se lo pediremos por teléfono.`,
  }),
};
