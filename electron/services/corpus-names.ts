/** Which files of the corpus folder are cleaned sources, and the id each file name gives. */

/** The cleaned source files among a folder's names: every `.md` but README.md, sorted. */
export function sourceFileNames(names: readonly string[]): string[] {
  return names.filter((name) => name.endsWith('.md') && name !== 'README.md').sort();
}

/** The source id of a cleaned file's name: `edemskiy-2019.md` → `edemskiy-2019`. */
export function sourceIdOf(fileName: string): string {
  return fileName.slice(0, -'.md'.length);
}
