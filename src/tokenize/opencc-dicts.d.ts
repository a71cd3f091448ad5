/**
 * Types for the opencc-js dictionary modules that fold-text.ts imports directly (the package
 * ships types for its converters only). Each module's default export is the dictionary as
 * text: `key value|key value|…`, one candidate per key.
 */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
