// @nlpjs/lang-nl ships no types; the engine uses only its Snowball Dutch stemmer.
declare module '@nlpjs/lang-nl/src/stemmer-nl.js' {
  export default class StemmerNl {
    stemWord(word: string): string
  }
}
