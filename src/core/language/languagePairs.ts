/** Language pairs that model ids name. Pure. */
/**
 * The language pair a fixed-pair translation model is trained for, from its id (Helsinki-NLP/opus-mt-en-es →
 * en→es, opus-mt-tc-big-en-fr too); undefined for many-to-many models (NLLB, M2M100) and anything else.
 */
export function fixedLanguagePair(modelId: string): { readonly source: string; readonly target: string } | undefined {
  const m = /(?:^|\/)opus-mt-(?:tc-(?:big|base)-)?([a-z]{2,3})-([a-z]{2,3})$/i.exec(modelId);
  return m ? { source: m[1].toLowerCase(), target: m[2].toLowerCase() } : undefined;
}
