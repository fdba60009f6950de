import { createTheme } from '@mantine/core';
import type { MantineColorsTuple } from '@mantine/core';

/** "Phủ Xanh" green; shade 7 (the primary) keeps ≥ 4.5:1 contrast with white text. */
const xanh: MantineColorsTuple = [
  '#e9f8ef',
  '#d4eedd',
  '#a8dcba',
  '#78c994',
  '#51b874',
  '#38ad60',
  '#27a054',
  '#17803e',
  '#106f35',
  '#0a5c2b',
];

export const theme = createTheme({
  primaryColor: 'xanh',
  primaryShade: 7,
  colors: { xanh },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  // Modals, menus and popovers open without animation for people who ask for less motion.
  respectReducedMotion: true,
});
