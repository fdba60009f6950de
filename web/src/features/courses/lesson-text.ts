import type { LessonImage } from './courses.types.ts';

/** Pure helpers of the lesson editor (tested in lesson-text.test.ts). */

/** "https://… | caption" lines ↔ images; the server checks each address is https. */
export function parseImages(text: string): LessonImage[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [url = '', ...alt] = line.split('|');
      return { url: url.trim(), alt: alt.join('|').trim() };
    });
}

export function imagesToText(images: LessonImage[]): string {
  return images.map((i) => (i.alt ? `${i.url} | ${i.alt}` : i.url)).join('\n');
}

/** Swaps a lesson with its neighbour (−1 up, +1 down): the new order of all lesson ids. */
export function moved(ids: string[], index: number, step: -1 | 1): string[] {
  const target = index + step;
  if (target < 0 || target >= ids.length) return ids;
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
