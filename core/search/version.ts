import lunr from 'lunr';

/**
 * The version of the analysis pipeline and shard format: part of the index cache key. Bump the
 * number whenever tokenizing, folding, stop words, stemming, fields or boosts change; Lunr's own
 * version is included because its stemmer and serialisation are part of what a shard means.
 */
export const SEARCH_PIPELINE_VERSION: string = `apparatus-search-3+lunr-${lunr.version}`;
