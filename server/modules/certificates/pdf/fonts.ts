import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import * as fontkit from 'fontkit';

/**
 * Be Vietnam Pro, full TTFs from @expo-google-fonts/be-vietnam-pro (SIL Open Font License): the
 * @fontsource package ships only WOFF subsets, none of which covers all of Vietnamese.
 *
 * Each face is parsed by fontkit once per process and the same font object is handed to every
 * document: pdfkit would otherwise parse the files again for each certificate and lose fontkit's
 * glyph and layout caches, which makes a certificate about ten times slower. pdfkit still embeds,
 * per document, only the glyphs that document uses.
 */
const require = createRequire(import.meta.url);
const FILES = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  italic: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
  semibold: '600SemiBold/BeVietnamPro_600SemiBold.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
} as const;
export type FontName = keyof typeof FILES;

let cache: Record<FontName, Font> | null = null;

function load(file: string): Font {
  const parsed = fontkit.create(
    readFileSync(require.resolve(`@expo-google-fonts/be-vietnam-pro/${file}`)),
  );
  if (!('layout' in parsed)) throw new Error(`${file} is a font collection, not a font`);
  return parsed;
}

export function certificateFonts(): Record<FontName, Font> {
  cache ??= Object.fromEntries(
    Object.entries(FILES).map(([name, file]) => [name, load(file)]),
  ) as Record<FontName, Font>;
  return cache;
}

/** The regular face's file, for pdfkit's initial font (it would otherwise parse Helvetica's AFM). */
export function regularFontFile(): string {
  return require.resolve(`@expo-google-fonts/be-vietnam-pro/${FILES.regular}`);
}
