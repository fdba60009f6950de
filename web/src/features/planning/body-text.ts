import type { PlanBlock } from './planning.types.ts';

/**
 * Plain text ↔ the blocks of a plan's or report's sections (docs/decisions/0004). One line is
 * one block: "# " a heading, "- " a bullet, anything else a paragraph; **bold** and _italic_
 * inside a line become runs. Typing stays simple on a phone, and the official layout is kept.
 */

type Run = PlanBlock['runs'][number];

const INLINE = /(\*\*[^*]+\*\*|_[^_]+_)/g;

function parseRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const piece of text.split(INLINE)) {
    if (!piece) continue;
    if (piece.startsWith('**') && piece.endsWith('**') && piece.length > 4) {
      runs.push({ text: piece.slice(2, -2), bold: true });
    } else if (piece.startsWith('_') && piece.endsWith('_') && piece.length > 2) {
      runs.push({ text: piece.slice(1, -1), italic: true });
    } else {
      runs.push({ text: piece });
    }
  }
  return runs.filter((r) => r.text.trim().length > 0 || runs.length === 1);
}

export function textToBlocks(text: string): PlanBlock[] {
  const blocks: PlanBlock[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    let type: PlanBlock['type'] = 'paragraph';
    let rest = line;
    if (/^#\s+/.test(line)) {
      type = 'heading';
      rest = line.replace(/^#\s+/, '');
    } else if (/^[-•+]\s+/.test(line)) {
      type = 'bullet';
      rest = line.replace(/^[-•+]\s+/, '');
    }
    const runs = parseRuns(rest).filter((r) => r.text.trim().length > 0);
    if (runs.length > 0) blocks.push({ type, runs });
  }
  return blocks;
}

export function blocksToText(blocks: PlanBlock[]): string {
  return blocks
    .map((block) => {
      const text = block.runs
        .map((r) => (r.bold ? `**${r.text}**` : r.italic ? `_${r.text}_` : r.text))
        .join('');
      if (block.type === 'heading') return `# ${text}`;
      if (block.type === 'bullet') return `- ${text}`;
      return text;
    })
    .join('\n');
}
