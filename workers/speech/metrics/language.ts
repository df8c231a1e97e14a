// A BCP 47 tag reduced to the language the word lists are kept for: 'es-MX' and 'es-419' both use
// the Spanish list, 'EN' the English one.
// Owns: tag → primary language subtag. Must not import: DOM, Node.

export function primaryLanguage(tag: string): string {
  return tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
}
