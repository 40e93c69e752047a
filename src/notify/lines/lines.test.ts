// Invariant: every message a customer receives exists in every language the agent speaks — a key in one catalogue and not in another fails here — and the Spanish ones read dates the Spanish way, in usted form.
import { describe, expect, it } from 'vitest';
import { CUSTOMER_LINES } from './index.js';
import { renderMessage, type MessagePayload, type TemplateName } from '../templates.js';

const TZ = 'America/Chicago';
const msg = (template: TemplateName, data: MessagePayload['data'], language?: string): MessagePayload => ({
  template,
  event: 'x',
  urgent: false,
  orgName: 'Salón Bella',
  timezone: TZ,
  from: '+13125550100',
  data,
  ...(language ? { language } : {}),
});

describe('the customer message catalogues', () => {
  it('have the same keys in every language', () => {
    const en = Object.keys(CUSTOMER_LINES.en).sort();
    expect(en.length).toBeGreaterThan(5);
    for (const [lang, lines] of Object.entries(CUSTOMER_LINES)) expect(Object.keys(lines).sort(), lang).toEqual(en);
  });

  it('give every customer message a Spanish text that differs from the English one', () => {
    const data = {
      serviceName: 'Corte de pelo',
      start: '2026-03-17T20:00:00.000Z',
      previousStart: '2026-03-16T15:30:00.000Z',
      customerName: 'Ana',
      code: '123456',
      text: 'Hasta pronto',
      need: 'una fuga',
      to: '+13125550199',
    };
    for (const t of Object.keys(CUSTOMER_LINES.en).filter((k) => !['when', 'via'].includes(k)) as TemplateName[]) {
      const es = renderMessage(msg(t, data, 'es'));
      const en = renderMessage(msg(t, data));
      expect(es.text, t).not.toBe(en.text);
      expect(es.subject, t).not.toBe(en.subject);
      expect(es.text, t).toContain('a través de InfiniOffice');
    }
  });

  it('confirm, remind, move and cancel in Spanish with the date said the Spanish way', () => {
    const d = { serviceName: 'Corte de pelo', start: '2026-03-17T20:00:00.000Z', customerName: 'Ana' };
    const booked = renderMessage(msg('booking_confirmation', d, 'es'));
    expect(booked.sms).toBe(
      'Salón Bella: su cita de Corte de pelo está reservada para el martes 17 de marzo a las 3 de la tarde.',
    );
    expect(booked.subject).toBe('Su cita de Corte de pelo con Salón Bella está reservada');
    expect(booked.text).toContain('Hola, Ana:');
    expect(booked.text).toContain('Si necesita cambiarla, responda a este mensaje o llámenos.');
    expect(renderMessage(msg('appointment_reminder', d, 'es')).sms).toBe(
      'Salón Bella: le recordamos su cita de Corte de pelo el martes 17 de marzo a las 3 de la tarde. Para cambiarla o cancelarla, llame al +13125550100.',
    );
    expect(renderMessage(msg('reschedule_notice', { ...d, previousStart: '2026-03-16T15:30:00.000Z' }, 'es')).sms).toBe(
      'Salón Bella: su cita de Corte de pelo ha pasado del lunes 16 de marzo a las 10 y media de la mañana al martes 17 de marzo a las 3 de la tarde.',
    );
    expect(renderMessage(msg('cancel_notice', d, 'es')).sms).toBe(
      'Salón Bella: su cita de Corte de pelo del martes 17 de marzo a las 3 de la tarde ha quedado cancelada.',
    );
    // "es-MX" is Spanish; a language without a catalogue is English
    expect(renderMessage(msg('booking_confirmation', d, 'es-MX')).sms).toContain('está reservada');
    expect(renderMessage(msg('booking_confirmation', d, 'fr')).sms).toBe(
      'Salón Bella: your Corte de pelo is booked for Tue, Mar 17 at 3:00 PM.',
    );
  });

  it('keep the owner’s messages in English whatever the customer spoke', () => {
    const owner = renderMessage(
      msg(
        'owner_booking',
        { serviceName: 'Corte de pelo', start: '2026-03-17T20:00:00.000Z', customerName: 'Ana' },
        'es',
      ),
    );
    expect(owner.subject).toBe('New booking: Corte de pelo Tue, Mar 17 at 3:00 PM');
  });
});
