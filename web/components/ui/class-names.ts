/** Joins the class names that are set; falsy entries are dropped. */
export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
