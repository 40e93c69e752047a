/**
 * Escaping text for markup, written once. XML (TwiML) and HTML (email bodies, pages) differ only in
 * the apostrophe: `&apos;` is XML's own entity but unknown to HTML 4 mail clients, which show it
 * literally, so HTML gets the numeric `&#39;` instead.
 */
function escapeMarkup(s: string, apostrophe: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, apostrophe);
}

/** Escapes text for an XML element or attribute (TwiML). */
export const escapeXml = (s: string): string => escapeMarkup(s, '&apos;');

/** Escapes text for an HTML element or attribute (email bodies, pages). */
export const escapeHtml = (s: string): string => escapeMarkup(s, '&#39;');
