import { paths, SCREEN_ROUTES, type ScreenRoute } from '../config/paths.ts';

/** The chunk of each lazily loaded screen and the chunks it imports, as URLs under `base`. */
interface BundleChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  imports: string[];
  facadeModuleId: string | null;
}

export function screenChunks(bundle: Record<string, { type: string }>, base: string): Partial<Record<ScreenRoute, string[]>> {
  const chunks = Object.values(bundle).filter((file): file is BundleChunk => file.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry);
  const alreadyLoaded = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
  const of = (source: string) => {
    const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(source));
    if (!chunk) return [];
    return [chunk.fileName, ...chunk.imports].filter((file) => !alreadyLoaded.has(file)).map((file) => `${base}${file}`);
  };
  // The route table names each screen's module, so a new screen is preloaded without touching the build.
  return Object.fromEntries(SCREEN_ROUTES.map((route) => [route, of(`/${paths[route].screenModule}`)]));
}
