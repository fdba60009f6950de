import { describe, expect, it } from 'vitest';
import { imagesToText, moved, parseImages } from './lesson-text.ts';

describe('lesson editor helpers', () => {
  it('reads one image per line, the caption after |', () => {
    const images = parseImages(
      ' https://a.vn/1.jpg | Ảnh 1 \n\nhttps://a.vn/2.png\nhttps://a.vn/3.jpg|A | B',
    );
    expect(images).toEqual([
      { url: 'https://a.vn/1.jpg', alt: 'Ảnh 1' },
      { url: 'https://a.vn/2.png', alt: '' },
      { url: 'https://a.vn/3.jpg', alt: 'A | B' },
    ]);
    expect(parseImages(imagesToText(images))).toEqual(images);
  });

  it('moves a lesson up or down, never past the ends', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
