import { describe, expect, it } from 'vitest';
import { blocksToText, textToBlocks } from './body-text.ts';

describe('plan and report text as lines', () => {
  it('reads headings, bullets, paragraphs, bold and italic runs', () => {
    expect(
      textToBlocks(
        '# Mục tiêu\n- Tổ chức **ít nhất 02** lớp tập huấn\n\nThực hiện _thường xuyên_.',
      ),
    ).toEqual([
      { type: 'heading', runs: [{ text: 'Mục tiêu' }] },
      {
        type: 'bullet',
        runs: [{ text: 'Tổ chức ' }, { text: 'ít nhất 02', bold: true }, { text: ' lớp tập huấn' }],
      },
      {
        type: 'paragraph',
        runs: [{ text: 'Thực hiện ' }, { text: 'thường xuyên', italic: true }, { text: '.' }],
      },
    ]);
  });
  it('drops empty lines and keeps a lone dash as text', () => {
    expect(textToBlocks('  \n-\n')).toEqual([{ type: 'paragraph', runs: [{ text: '-' }] }]);
  });
  it('writes back what it reads', () => {
    const text = '# I. Kết quả\n- Đạt **95%** cán bộ\nĐoạn văn _nghiêng_';
    expect(blocksToText(textToBlocks(text))).toBe(text);
  });
});
