/** The character tables of `opencc-js`, each one string (`from to|from to|…`); the package types only its converters. */
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
