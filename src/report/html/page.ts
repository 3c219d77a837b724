import { escapeHtml } from './escape.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

/**
 * A whole self-contained page. Its Content-Security-Policy forbids loading anything at all, so
 * the file opens offline and can be emailed: styles, script and charts are all inline.
 * `extraStyle` adds a page's own rules to the shared ones.
 */
export function htmlPage(title: string, body: string, extraStyle = ''): string {
  const csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_STYLE}${extraStyle}</style>`,
    '</head>',
    '<body>',
    body,
    `<script>${PAGE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
