/** Fills the placeholders of a text from data/wording.yml (validated at load: each placeholder is one the caller gives). */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{([^}]*)\}/g, (_, name: string) => String(values[name]));
}
