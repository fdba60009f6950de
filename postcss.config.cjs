// Mantine's PostCSS preset: rem(), light-dark() and the breakpoint mixins in component CSS.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
