/**
 * Undoing the WikiText-103 tokeniser's own notation (Merity et al. 2016): `@-@`, `@,@`, `@.@`
 * for characters inside words and numbers, `\$` for the dollar sign, and the spaces it puts
 * inside bracketed word endings and around slashes.
 */

/** Word endings an editor writes in brackets to fit a quotation to the sentence: `sell[ing it]`. */
const BRACKETED_ENDING = /(?<=\p{L})[ \t]+\[(?=(?:ing|ings|ed|es|s|ly)[\] \t])/gu;

/**
 * Undoes WikiText-103's word-internal tokens: `de @-@ Stalinization` → `de-Stalinization`,
 * `50 @,@ 000` → `50,000`, `4 @.@ 2` → `4.2`, `\$ 160` → `$160`, `sell [ing it]` → `sell[ing it]`,
 * `and / or` → `and/or`. Other brackets (`[the Soviets]`, `[in November 1960]`) keep their
 * spacing; text without these tokens is unchanged.
 */
export function detokeniseWikiText(text: string): string {
  return text
    .replace(/[ \t]*@([-,.])@[ \t]*/g, '$1')
    .replace(/\\\$[ \t]*/g, '$')
    .replace(BRACKETED_ENDING, '[')
    .replace(/(?<=\p{L})[ \t]+\/[ \t]+(?=\p{L})/gu, '/');
}
