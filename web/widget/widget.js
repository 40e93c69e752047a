/*
 * InfiniOffice chat widget — one script tag on any allowed site:
 *   <script src="https://HOST/widget.js" data-key="CHAT_KEY" async></script>
 * Plain JavaScript (no framework, nothing global but one custom element host), its own styles inside a
 * shadow root so the host page's CSS cannot reach it and its CSS cannot leak out. Optional attributes:
 * data-color, data-position ("bottom-right" | "bottom-left") override the saved settings (the dashboard's
 * live preview uses them); data-open="true" opens the window at once; data-preview="true" shows the
 * window without starting a conversation (no call record).
 */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[src*="widget.js"][data-key]');
  if (!script || !script.getAttribute('data-key')) return;
  var key = script.getAttribute('data-key');
  var base = new URL(script.getAttribute('src'), location.href).origin;
  if (document.querySelector('[data-infinioffice-widget="' + key + '"]')) return; // loaded twice: keep the first

  var CSS = [
    ':host{all:initial}',
    '*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
    '.w{position:fixed;bottom:20px;z-index:2147483000;display:flex;flex-direction:column;gap:12px}',
    '.w.right{right:20px;align-items:flex-end}.w.left{left:20px;align-items:flex-start}',
    '.launch{width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;background:var(--c);color:var(--fg);',
    'box-shadow:0 4px 14px rgba(0,0,0,.25);display:grid;place-items:center}',
    '.launch svg{width:28px;height:28px;fill:currentColor}',
    'button:focus-visible,textarea:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}',
    '.panel{width:360px;max-width:calc(100vw - 40px);height:520px;max-height:calc(100vh - 110px);background:#fff;color:#111;',
    'border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.28);display:flex;flex-direction:column;overflow:hidden}',
    '.panel[hidden]{display:none}',
    'header{background:var(--c);color:var(--fg);padding:12px 14px;display:flex;align-items:center;gap:8px}',
    'h2{font-size:16px;margin:0;flex:1;font-weight:600}',
    '.x{background:transparent;border:0;color:inherit;font-size:22px;line-height:1;cursor:pointer;padding:4px 8px;border-radius:6px}',
    'ol{list-style:none;margin:0;padding:12px;flex:1;overflow-y:auto;display:flex;flex-direction:column;gap:8px;background:#f6f7f9}',
    'li{max-width:85%;padding:8px 12px;border-radius:12px;font-size:15px;line-height:1.4;white-space:pre-wrap;word-wrap:break-word}',
    'li.agent{background:#fff;border:1px solid #e3e5e8;align-self:flex-start}',
    'li.me{background:var(--c);color:var(--fg);align-self:flex-end}',
    'li.note{align-self:center;background:transparent;color:#555;font-size:13px}',
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
    'form{display:flex;gap:8px;padding:10px;border-top:1px solid #e3e5e8;background:#fff}',
    'textarea{flex:1;resize:none;border:1px solid #c4c8cf;border-radius:10px;padding:8px 10px;font-size:16px;height:42px;color:#111;background:#fff}',
    '.send{border:0;border-radius:10px;padding:0 14px;background:var(--c);color:var(--fg);font-size:15px;cursor:pointer}',
    '.send:disabled{opacity:.6;cursor:default}',
    '.cb{border:0;background:transparent;color:#1d4ed8;text-decoration:underline;cursor:pointer;font-size:14px;padding:4px 12px 8px;align-self:flex-start}',
    '.cbf{display:flex;gap:8px;padding:0 10px 10px}.cbf[hidden]{display:none}',
    '.cbf input{flex:1;border:1px solid #c4c8cf;border-radius:10px;padding:8px 10px;font-size:16px}',
    '@media (max-width:480px){.w{bottom:12px}.w.right{right:12px}.w.left{left:12px}',
    '.panel.open{position:fixed;inset:0;width:100vw;max-width:none;height:100%;max-height:none;border-radius:0}}',
    '@media (prefers-reduced-motion:no-preference){.panel{transition:opacity .15s}}',
  ].join('');
  var ICON =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

  /** Black or white text, whichever reads better on the brand colour. */
  function foreground(hex) {
    var m = /^#?([0-9a-f]{6})$/i.exec(hex || '');
    if (!m) return '#fff';
    var n = parseInt(m[1], 16),
      r = n >> 16,
      g = (n >> 8) & 255,
      b = n & 255;
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255 > 0.6 ? '#111' : '#fff';
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  function api(path, body) {
    return fetch(
      base + path,
      body === undefined
        ? { credentials: 'omit' }
        : {
            method: 'POST',
            credentials: 'omit',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          },
    ).then(function (res) {
      return res
        .json()
        .catch(function () {
          return {};
        })
        .then(function (data) {
          if (!res.ok) throw new Error((data && data.error && data.error.message) || 'HTTP ' + res.status);
          return data;
        });
    });
  }

  // The widget's own words, one set per language the agent speaks (same keys in each).
  var WORDS = {
    en: {
      chatWith: 'Chat with ',
      us: 'us',
      close: 'Close chat',
      hide: 'Hide chat',
      log: 'Conversation',
      yourMessage: 'Your message',
      placeholder: 'Type your message…',
      send: 'Send',
      you: 'You: ',
      callBack: 'Prefer a call? We can call you back',
      yourPhone: 'Your phone number',
      callMe: 'Call me',
      unavailable: 'Sorry, the chat is not available right now. Please try again later.',
      preview: 'Preview only: messages are not sent.',
      ended: 'Conversation ended. Write again to start a new one.',
      notSent: 'Sorry, your message could not be sent. Please try again.',
      calling: 'We are calling you now.',
      willCall: 'Thanks! We will call you back soon.',
      checkPhone: 'Please check the phone number.',
      failed: 'Sorry, that did not work. Please try again.',
    },
    es: {
      chatWith: 'Chatee con ',
      us: 'nosotros',
      close: 'Cerrar el chat',
      hide: 'Ocultar el chat',
      log: 'Conversación',
      yourMessage: 'Su mensaje',
      placeholder: 'Escriba su mensaje…',
      send: 'Enviar',
      you: 'Usted: ',
      callBack: '¿Prefiere una llamada? Le llamamos',
      yourPhone: 'Su número de teléfono',
      callMe: 'Llámenme',
      unavailable: 'Lo sentimos, el chat no está disponible en este momento. Inténtelo más tarde.',
      preview: 'Solo vista previa: los mensajes no se envían.',
      ended: 'La conversación ha terminado. Escriba de nuevo para empezar otra.',
      notSent: 'Lo sentimos, no se pudo enviar su mensaje. Inténtelo de nuevo.',
      calling: 'Le estamos llamando ahora.',
      willCall: '¡Gracias! Le devolveremos la llamada pronto.',
      checkPhone: 'Revise el número de teléfono, por favor.',
      failed: 'Lo sentimos, no funcionó. Inténtelo de nuevo.',
    },
  };
  /** The widget's language: the agent's setting, or for `auto` the page's own (its lang attribute, else the browser's). */
  function firstLanguage(setting) {
    if (setting === 'es' || setting === 'en') return setting;
    var page = (document.documentElement.getAttribute('lang') || navigator.language || 'en').slice(0, 2).toLowerCase();
    return WORDS[page] ? page : 'en';
  }

  function mount(cfg) {
    var color = script.getAttribute('data-color') || cfg.color || '#2563eb';
    var side = (script.getAttribute('data-position') || cfg.position) === 'bottom-left' ? 'left' : 'right';
    var lang = firstLanguage(cfg.language);
    var t = WORDS[lang];
    var name = cfg.name || t.us;
    var greetingOf = function () {
      return (cfg.greetings && cfg.greetings[lang]) || cfg.greeting;
    };
    var host = el('div', { 'data-infinioffice-widget': key });
    var root = host.attachShadow({ mode: 'open' });
    var style = el('style');
    style.textContent = CSS;
    var wrap = el('div', { class: 'w ' + side, lang: lang });
    wrap.style.setProperty('--c', color);
    wrap.style.setProperty('--fg', foreground(color));
    var panel = el('div', {
      class: 'panel',
      id: 'io-panel',
      role: 'dialog',
      'aria-labelledby': 'io-title',
      hidden: '',
    });
    var header = el('header');
    var title = el('h2', { id: 'io-title' }, t.chatWith + name);
    header.appendChild(title);
    var close = el('button', { class: 'x', type: 'button', 'aria-label': t.close }, '\u00d7');
    header.appendChild(close);
    var log = el('ol', { role: 'log', 'aria-live': 'polite', 'aria-label': t.log });
    var form = el('form');
    var label = el('label', { for: 'io-input', class: 'sr' }, t.yourMessage);
    var input = el('textarea', {
      id: 'io-input',
      rows: '1',
      maxlength: '2000',
      placeholder: t.placeholder,
      autocomplete: 'off',
    });
    var send = el('button', { class: 'send', type: 'submit' }, t.send);
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(send);
    var cb = el(
      'button',
      { class: 'cb', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'io-cb' },
      t.callBack,
    );
    var cbf = el('form', { class: 'cbf', id: 'io-cb', hidden: '' });
    var cbl = el('label', { for: 'io-phone', class: 'sr' }, t.yourPhone);
    var phone = el('input', {
      id: 'io-phone',
      type: 'tel',
      autocomplete: 'tel',
      placeholder: t.yourPhone,
      maxlength: '40',
    });
    var cbs = el('button', { class: 'send', type: 'submit' }, t.callMe);
    cbf.appendChild(cbl);
    cbf.appendChild(phone);
    cbf.appendChild(cbs);
    panel.appendChild(header);
    panel.appendChild(log);
    panel.appendChild(form);
    panel.appendChild(cb);
    panel.appendChild(cbf);
    var launch = el('button', {
      class: 'launch',
      type: 'button',
      'aria-label': t.chatWith + name,
      'aria-expanded': 'false',
      'aria-controls': 'io-panel',
    });
    launch.innerHTML = ICON;
    wrap.appendChild(panel);
    wrap.appendChild(launch);
    root.appendChild(style);
    root.appendChild(wrap);
    document.body.appendChild(host);

    var session = null,
      starting = null,
      busy = false,
      finished = false;
    var preview = script.getAttribute('data-preview') === 'true';

    /** The conversation switched language: the widget's own words follow it. */
    function relabel(next) {
      if (!WORDS[next] || next === lang) return;
      lang = next;
      t = WORDS[lang];
      wrap.setAttribute('lang', lang);
      title.textContent = t.chatWith + name;
      close.setAttribute('aria-label', t.close);
      log.setAttribute('aria-label', t.log);
      label.textContent = t.yourMessage;
      input.setAttribute('placeholder', t.placeholder);
      send.textContent = t.send;
      cb.textContent = t.callBack;
      cbl.textContent = t.yourPhone;
      phone.setAttribute('placeholder', t.yourPhone);
      cbs.textContent = t.callMe;
      launch.setAttribute('aria-label', panel.hidden ? t.chatWith + name : t.hide);
    }
    function say(who, text) {
      var li = el('li', { class: who });
      if (who !== 'note') li.appendChild(el('span', { class: 'sr' }, who === 'me' ? t.you : name + ': '));
      li.appendChild(document.createTextNode(text));
      log.appendChild(li);
      log.scrollTop = log.scrollHeight;
    }
    function start() {
      if (preview) {
        if (!log.firstChild) say('agent', greetingOf());
        return Promise.reject(new Error('preview'));
      }
      if (session) return Promise.resolve(session);
      starting =
        starting ||
        api('/api/chat/' + encodeURIComponent(key) + '/sessions', { language: lang }).then(
          function (s) {
            session = s.id;
            if (s.language) relabel(s.language);
            say('agent', greetingOf() || s.greeting);
            return session;
          },
          function (e) {
            starting = null;
            throw e;
          },
        );
      return starting;
    }
    function setOpen(open) {
      panel.hidden = !open;
      panel.classList.toggle('open', open);
      launch.setAttribute('aria-expanded', String(open));
      launch.setAttribute('aria-label', open ? t.hide : t.chatWith + name);
      if (open) {
        if (!preview) input.focus();
        start().catch(function () {
          if (!preview) say('note', t.unavailable);
        });
      } else launch.focus();
    }
    function submit() {
      var text = input.value.trim();
      if (!text || busy) return;
      if (preview) {
        say('note', t.preview);
        return;
      }
      if (finished) {
        session = null;
        starting = null;
        finished = false;
      }
      busy = true;
      send.disabled = true;
      log.setAttribute('aria-busy', 'true');
      input.value = '';
      say('me', text);
      start()
        .then(function (id) {
          return api('/api/chat/' + encodeURIComponent(key) + '/sessions/' + id + '/messages', { text: text });
        })
        .then(function (r) {
          if (r.language) relabel(r.language);
          say('agent', r.reply);
          if (r.done) {
            finished = true;
            say('note', t.ended);
          }
        })
        .catch(function () {
          say('note', t.notSent);
        })
        .then(function () {
          busy = false;
          send.disabled = false;
          log.removeAttribute('aria-busy');
          input.focus();
        });
    }
    cb.addEventListener('click', function () {
      cbf.hidden = !cbf.hidden;
      cb.setAttribute('aria-expanded', String(!cbf.hidden));
      if (!cbf.hidden) phone.focus();
    });
    cbf.addEventListener('submit', function (e) {
      e.preventDefault();
      if (preview || !phone.value.trim()) return;
      cbs.disabled = true;
      start()
        .then(function (id) {
          return api('/api/chat/' + encodeURIComponent(key) + '/sessions/' + id + '/callback', {
            phone: phone.value.trim(),
          });
        })
        .then(
          function (r) {
            cbf.hidden = true;
            cb.setAttribute('aria-expanded', 'false');
            say('note', r.calling ? t.calling : t.willCall);
          },
          function (err) {
            say('note', /phone/i.test(String(err && err.message)) ? t.checkPhone : t.failed);
          },
        )
        .then(function () {
          cbs.disabled = false;
        });
    });
    launch.addEventListener('click', function () {
      setOpen(panel.hidden);
    });
    close.addEventListener('click', function () {
      setOpen(false);
    });
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') setOpen(false);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      submit();
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        submit();
      }
    });
    if (script.getAttribute('data-open') === 'true') setOpen(true);
  }

  function boot() {
    api('/api/widget/' + encodeURIComponent(key) + '/config').then(mount, function () {
      /* not allowed here or unknown key: no widget */
    });
  }
  if (document.body) boot();
  else document.addEventListener('DOMContentLoaded', boot);
})();
