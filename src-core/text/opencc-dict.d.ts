/** opencc-js ships its dictionaries as plain ES modules without type declarations. */
declare module 'opencc-js/dict/TSCharacters' {
  /** "繁 简|繁 简 简2|…": each traditional character with its simplified forms. */
  const dictionary: string;
  export default dictionary;
}
declare module 'opencc-js/dict/STCharacters' {
  const dictionary: string;
  export default dictionary;
}
