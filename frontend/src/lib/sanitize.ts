// A second line of defence for article HTML in the page. Go already
// sanitizes it with an allow-list before storing it, and the page's
// Content-Security-Policy forbids inline and remote script; this keeps the
// same allow-list in the browser and drops anything that could load from the
// network (remote images are tracking pixels).
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code', 'em', 'strong',
  'b', 'i', 'u', 's', 'sub', 'sup', 'a', 'br', 'hr', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th',
  'td', 'img', 'mark', 'span', 'div'];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'colspan', 'rowspan'];

let hooked = false;

function hook() {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'IMG' && !(node.getAttribute('src') ?? '').startsWith('data:image/')) {
      node.remove();
    }
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!/^(https?:|mailto:)/i.test(href)) node.removeAttribute('href');
    }
  });
}

/** Article HTML made safe to insert into the page. */
export function cleanArticleHTML(html: string): string {
  hook();
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false });
}

/** A person's own note, written in Markdown, rendered and made safe. */
export function cleanNoteHTML(html: string): string {
  hook();
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false });
}
