import type { Language } from '../i18n.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import { html, type SafeHtml, trustedHtml, webUrl } from './html.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The body of a mail as a list of blocks. Each kind composes its blocks from its dictionary; this
 * module alone turns them into the text and the HTML part, so the two always say the same thing
 * and no template writes markup (or forgets an escape) of its own.
 */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'list'; items: readonly string[] }
  /** The one thing the mail asks for: a button in HTML, with the URL spelled out beneath it. */
  | { type: 'action'; label: string; url: string; fallback: string }
  | { type: 'note'; text: string }
  /** Words someone else wrote (a coordinator's message, a group's question), kept line by line. */
  | { type: 'quote'; text: string }
  /** A secondary, quiet link (leave the group, decline): small text and a link, never a button. */
  | { type: 'link'; text: string; label: string; url: string }
  | { type: 'signature'; closing: string; sender: string }
  /**
   * Answers given by a tap (a rating from 1 to 10): a row of equal links, big enough for a finger, in
   * HTML; a list of label and URL in text.
   */
  | { type: 'choices'; items: readonly { label: string; url: string }[] }
  /**
   * A small bar chart, one row per label: table cells in HTML, block characters in text, the longest
   * bar for the largest value. Values are counts (whole numbers from 0).
   */
  | { type: 'bars'; rows: readonly { label: string; value: number }[] };

export interface MailContent {
  language: Language;
  subject: string;
  /** The line an inbox shows after the subject; hidden in the body. */
  preheader: string;
  blocks: readonly Block[];
  /** Why the reader got this mail, shown small at the bottom above the network's name. */
  footer: string;
  networkName: string;
  /** A member's personal unsubscribe link, added to every mail to a member by shared/notify.ts. */
  unsubscribeUrl?: string;
}

const unsubscribeLabel: Record<Language, string> = {
  sv: sv.unsubscribeLabel,
  nb: nb.unsubscribeLabel,
  en: en.unsubscribeLabel,
};

export function renderContent(content: MailContent): RenderedMail {
  return { subject: content.subject, text: renderText(content), html: renderHtml(content).toString() };
}

/** The lines of a quote: any line break a form allowed, trailing blanks dropped. */
function quoteLines(text: string): string[] {
  return text
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd());
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'note':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'quote':
      return quoteLines(block.text)
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'action':
      return `${block.label}:\n${webUrl(block.url)}`;
    case 'link':
      return `${block.text}\n${block.label}: ${webUrl(block.url)}`;
    case 'signature':
      return `${block.closing}\n${block.sender}`;
    case 'choices':
      return block.items.map((item) => `- ${item.label}: ${webUrl(item.url)}`).join('\n');
    case 'bars':
      return barsText(block.rows);
  }
}

/** Bars longer than this many characters would wrap in a narrow text view. */
const textBarWidth = 20;

function barLength(value: number, max: number, full: number): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return Math.max(1, Math.round((value / max) * full));
}

function barsText(rows: readonly { label: string; value: number }[]): string {
  const max = Math.max(0, ...rows.map((row) => row.value));
  const width = Math.max(0, ...rows.map((row) => row.label.length));
  return rows
    .map((row) => {
      const bar = '█'.repeat(barLength(row.value, max, textBarWidth));
      return `${row.label.padStart(width)} | ${bar ? `${bar} ` : ''}${row.value}`;
    })
    .join('\n');
}

// "-- " is the signature delimiter: clients grey out or drop the footer below it when quoting.
function renderText(content: MailContent): string {
  const unsubscribe = content.unsubscribeUrl
    ? `\n${unsubscribeLabel[content.language]}: ${webUrl(content.unsubscribeUrl)}`
    : '';
  const parts = [
    ...content.blocks.map(blockText),
    `-- \n${content.footer}\n${content.networkName}${unsubscribe}`,
  ];
  return `${parts.join('\n\n')}\n`;
}

// Mail clients drop <style> blocks and ignore classes, so every rule is inline; layout is tables
// because Outlook's Word engine does not lay out divs with widths.
// Unquoted family names: a quote would be entity-escaped inside the style attribute.
const font = 'font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
const ink = '#1f2933';
const muted = '#52606d';
const accent = '#1d5e4b';
const paper = '#f4f1ec';

const styles = {
  paragraph: `margin:0 0 16px;${font};font-size:16px;line-height:1.55;color:${ink}`,
  heading: `margin:24px 0 8px;${font};font-size:18px;line-height:1.3;font-weight:bold;color:${ink}`,
  list: `margin:0 0 16px;padding:0 0 0 22px;${font};font-size:16px;line-height:1.55;color:${ink}`,
  listItem: 'margin:0 0 4px',
  note: `margin:0 0 16px;${font};font-size:14px;line-height:1.5;color:${muted}`,
  quote: `margin:0 0 16px;padding:2px 0 2px 14px;border-left:3px solid #d9d3c7;${font};font-size:16px;line-height:1.55;color:${ink}`,
  quietLink: `color:${muted};text-decoration:underline`,
  button: `display:inline-block;padding:13px 26px;${font};font-size:16px;font-weight:bold;line-height:1.2;color:#ffffff;text-decoration:none;border-radius:6px`,
  fallback: `margin:0 0 20px;${font};font-size:14px;line-height:1.5;color:${muted}`,
  fallbackLink: `color:${accent};word-break:break-all`,
  choice: `display:block;height:44px;${font};font-size:16px;font-weight:bold;line-height:44px;text-align:center;color:#ffffff;background:${accent};border-radius:6px;text-decoration:none`,
  barLabel: `padding:3px 8px 3px 0;${font};font-size:14px;line-height:1.2;text-align:right;white-space:nowrap;color:${ink}`,
  barValue: `padding:3px 0 3px 8px;${font};font-size:14px;line-height:1.2;white-space:nowrap;color:${ink}`,
  bar: `height:14px;font-size:0;line-height:0;background:${accent}`,
};

function renderBlock(block: Block): SafeHtml {
  switch (block.type) {
    case 'paragraph':
      return html`<p style="${styles.paragraph}">${block.text}</p>`;
    case 'heading':
      return html`<h2 style="${styles.heading}">${block.text}</h2>`;
    case 'note':
      return html`<p style="${styles.note}">${block.text}</p>`;
    case 'quote':
      return html`<blockquote style="${styles.quote}">${quoteLines(block.text).map((line, i) => [
        i > 0 && html`<br>`,
        line,
      ])}</blockquote>`;
    case 'link':
      return html`<p style="${styles.note}">${block.text}<br><a href="${webUrl(block.url)}" style="${styles.quietLink}">${block.label}</a></p>`;
    case 'list':
      return html`<ul style="${styles.list}">${block.items.map(
        (item) => html`<li style="${styles.listItem}">${item}</li>`,
      )}</ul>`;
    case 'action': {
      const url = webUrl(block.url);
      return html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 20px"><tr><td style="border-radius:6px;background:${accent}"><a href="${url}" style="${styles.button}">${block.label}</a></td></tr></table>
<p style="${styles.fallback}">${block.fallback}<br><a href="${url}" style="${styles.fallbackLink}">${url}</a></p>`;
    }
    case 'signature':
      return html`<p style="${styles.paragraph};margin-top:24px">${block.closing}<br>${block.sender}</p>`;
    case 'choices': {
      const share = `${Math.floor(100 / Math.max(1, block.items.length))}%`;
      return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 20px;table-layout:fixed"><tr>${block.items.map(
        (item) =>
          html`<td width="${share}" style="padding:0 2px"><a href="${webUrl(item.url)}" style="${styles.choice}">${item.label}</a></td>`,
      )}</tr></table>`;
    }
    case 'bars': {
      const max = Math.max(0, ...block.rows.map((row) => row.value));
      return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px">${block.rows.map(
        (row) => {
          const length = barLength(row.value, max, 100);
          return html`<tr><td width="32" style="${styles.barLabel}">${row.label}</td><td style="padding:3px 0">${
            length > 0 &&
            html`<table role="presentation" width="${`${length}%`}" cellpadding="0" cellspacing="0" border="0"><tr><td style="${styles.bar}">&nbsp;</td></tr></table>`
          }</td><td width="40" style="${styles.barValue}">${row.value}</td></tr>`;
        },
      )}</table>`;
    }
  }
}

// Filler after the preheader keeps inboxes from pulling body text into the preview line.
const previewFiller = trustedHtml('&#847;&zwnj;&nbsp;'.repeat(40));

function renderHtml(content: MailContent): SafeHtml {
  return html`<!doctype html>
<html lang="${content.language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${content.subject}</title>
</head>
<body style="margin:0;padding:0;background:${paper}">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all">${content.preheader}${previewFiller}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${paper}">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border-radius:8px">
<tr><td style="padding:28px 32px 0;${font};font-size:13px;line-height:1.4;font-weight:bold;letter-spacing:0.04em;color:${accent}">${content.networkName}</td></tr>
<tr><td style="padding:16px 32px 20px">
${content.blocks.map((block) => [renderBlock(block), '\n'])}</td></tr>
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px">
<tr><td style="padding:16px 32px;${font};font-size:12px;line-height:1.5;color:${muted}">${content.footer}<br>${content.networkName}${
    content.unsubscribeUrl !== undefined &&
    html`<br><a href="${webUrl(content.unsubscribeUrl)}" style="${styles.quietLink}">${unsubscribeLabel[content.language]}</a>`
  }</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
