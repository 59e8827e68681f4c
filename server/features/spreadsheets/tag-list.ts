/**
 * An action's tags in one spreadsheet cell. Tags are free text, so a tag may itself hold a comma or
 * a semicolon, the characters people separate tags with; such a tag (or one starting with a double
 * quote) is written in double quotes, a quote inside doubled, as in CSV: `P-7, "konto 4610, drift"`.
 * Reading accepts commas and semicolons between tags and the quoting, so an exported sheet comes
 * back with the same tags.
 */

const separators = new Set([',', ';']);

export function formatTagList(tags: readonly string[]): string {
  return tags.map((tag) => (/[,;]/.test(tag) || tag.startsWith('"') ? `"${tag.replaceAll('"', '""')}"` : tag)).join(', ');
}

/**
 * The tags of a cell, trimmed, empty ones dropped. A quote that is never closed is read as text,
 * so a stray quote in a hand-edited cell does not swallow the tags after it.
 */
export function parseTagList(text: string): string[] {
  const tags: string[] = [];
  let index = 0;
  while (index <= text.length) {
    while (index < text.length && text[index] === ' ') index += 1;
    const quoted = text[index] === '"' ? readQuoted(text, index) : undefined;
    // Up to the next separator; after a closing quote, what stands before it belongs to the tag too.
    const from = quoted ? quoted.end : index;
    let end = from;
    while (end < text.length && !separators.has(text[end]!)) end += 1;
    tags.push((quoted ? quoted.tag : '') + text.slice(from, end));
    index = end + 1;
  }
  return tags.map((tag) => tag.trim()).filter((tag) => tag !== '');
}

/** The text of a quoted tag starting at `start` and the index after its closing quote, if it closes. */
function readQuoted(text: string, start: number): { tag: string; end: number } | undefined {
  let tag = '';
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === '"') {
      if (text[index + 1] === '"') {
        tag += '"';
        index += 2;
        continue;
      }
      return { tag, end: index + 1 };
    }
    tag += text[index];
    index += 1;
  }
  return undefined;
}
