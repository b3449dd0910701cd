/** The forms "Copy citation" offers for a whole work. */
export const CITATION_FORMS = ['note', 'short', 'bibliography'] as const;

/** A full note, a shortened note, or a bibliography entry. */
export type CitationForm = (typeof CITATION_FORMS)[number];
