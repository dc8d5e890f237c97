/** Collects a repeated option's values (commander calls it once per occurrence). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
