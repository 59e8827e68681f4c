import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { categoryCodes } from '../../../shared/categories.ts';
import { libraryItemKinds } from '../../../shared/schemas/library.ts';
import { builtinId } from './builtin-id.ts';

/**
 * The built-in library as the data files in ./builtin/ hold it (their README says how they are
 * reviewed and where every figure comes from). Read and checked once, at start: a file that breaks
 * a rule stops the server with the rule and the entry, rather than serving half a library.
 */
const keySchema = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'a key is lower-case words joined by . or -');
const nameSchema = z.strictObject({ sv: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });

const sourceSchema = z.strictObject({
  key: keySchema,
  /** The citation shown with every item that uses it. */
  name: z.string().trim().min(1).max(200),
  publisher: z.string().trim().min(1),
  year: z.number().int().min(1950).max(2100),
  url: z.url().optional(),
});

const itemSchema = z.strictObject({
  key: keySchema,
  name: nameSchema,
  category: z.enum(categoryCodes),
  unit: z.string().trim().min(1).max(16),
  lifetimeYears: z.number().int().min(1).max(100),
  unitPrice: z
    .number()
    .min(0)
    .refine((price) => Math.round(price * 100) / 100 === price, 'whole öre'),
  priceYear: z.number().int().min(1990).max(2100),
  kind: z.enum(libraryItemKinds),
  lifetimeSource: keySchema,
  priceSource: keySchema,
});

const componentSchema = z.strictObject({
  key: keySchema,
  name: nameSchema,
  category: z.enum(categoryCodes),
  itemKeys: z.array(keySchema).min(1),
});

export type BuiltinSource = z.infer<typeof sourceSchema>;

export interface BuiltinItem extends Omit<z.infer<typeof itemSchema>, 'lifetimeSource' | 'priceSource'> {
  id: string;
  /** The citation of the lifetime's and the price's sources, as GET /api/library/items answers it. */
  source: string;
}

export interface BuiltinComponent extends Omit<z.infer<typeof componentSchema>, 'itemKeys'> {
  id: string;
  itemIds: string[];
}

export interface BuiltinLibrary {
  sources: BuiltinSource[];
  items: BuiltinItem[];
  components: BuiltinComponent[];
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const path = new URL(`./builtin/${file}`, import.meta.url);
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`server/features/library/builtin/${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function unique(kind: string, keys: string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new Error(`The built-in library has the ${kind} key ${key} twice`);
    seen.add(key);
  }
}

/** "Livslängd: A. Pris: B." or, when one source gives both, "Livslängd och pris: A." */
function citation(lifetime: BuiltinSource, price: BuiltinSource): string {
  return lifetime.key === price.key ? `Livslängd och pris: ${lifetime.name}.` : `Livslängd: ${lifetime.name}. Pris: ${price.name}.`;
}

export function readBuiltinLibrary(): BuiltinLibrary {
  const sources = readJson('sources.json', z.array(sourceSchema));
  const items = readJson('items.json', z.array(itemSchema));
  const components = readJson('components.json', z.array(componentSchema));
  unique(
    'source',
    sources.map((source) => source.key),
  );
  unique(
    'item',
    items.map((item) => item.key),
  );
  unique(
    'component',
    components.map((component) => component.key),
  );

  const sourceByKey = new Map(sources.map((source) => [source.key, source]));
  const sourceOf = (itemKey: string, sourceKey: string) => {
    const source = sourceByKey.get(sourceKey);
    if (!source) throw new Error(`The built-in item ${itemKey} names the unknown source ${sourceKey}`);
    return source;
  };
  const itemKeys = new Set(items.map((item) => item.key));
  return {
    sources,
    items: items.map(({ lifetimeSource, priceSource, ...item }) => ({
      ...item,
      id: builtinId(`item:${item.key}`),
      source: citation(sourceOf(item.key, lifetimeSource), sourceOf(item.key, priceSource)),
    })),
    components: components.map(({ itemKeys: keys, ...component }) => {
      const unknown = keys.find((key) => !itemKeys.has(key));
      if (unknown) throw new Error(`The built-in component ${component.key} names the unknown item ${unknown}`);
      return { ...component, id: builtinId(`component:${component.key}`), itemIds: keys.map((key) => builtinId(`item:${key}`)) };
    }),
  };
}

let loaded: BuiltinLibrary | undefined;

/** The built-in library, read once per process (the files change only with a new release or an operator's restart). */
export function builtinLibrary(): BuiltinLibrary {
  loaded ??= readBuiltinLibrary();
  return loaded;
}
