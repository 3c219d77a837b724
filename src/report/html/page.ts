import { escapeHtml } from './escape.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

/**
 * The Content-Security-Policy of every page: nothing may be loaded or sent (no fetch, form, image
 * or frame from anywhere), only the page's own inline style and script run, images only as data:
 * URLs. `also`: what one page needs beyond that, placed before the images.
 */
function contentSecurityPolicy(also: readonly string[]): string {
  return ["default-src 'none'", "style-src 'unsafe-inline'", "script-src 'unsafe-inline'", ...also, 'img-src data:', "form-action 'none'", "base-uri 'none'"].join('; ');
}

/** The parts of a self-contained page, each inline; the title already escaped. */
export interface PageParts {
  /** Directives this page's policy needs beyond those every page has (none for a report). */
  alsoAllow?: readonly string[];
  title: string;
  style: string;
  body: string;
  script: string;
}

/** A whole HTML document from its parts: the policy, title, style, body and script. */
export function htmlDocument(parts: PageParts): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(parts.alsoAllow ?? [])}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${parts.title}</title>`,
    `<style>${parts.style}</style>`,
    '</head>',
    '<body>',
    parts.body,
    `<script>${parts.script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * A whole self-contained page. Its Content-Security-Policy forbids loading anything at all, so
 * the file opens offline and can be emailed: styles, script and charts are all inline.
 * `extraStyle` adds a page's own rules to the shared ones.
 */
export function htmlPage(title: string, body: string, extraStyle = ''): string {
  return htmlDocument({ title: escapeHtml(title), style: `${PAGE_STYLE}${extraStyle}`, body, script: PAGE_SCRIPT });
}
