import { lazy, Suspense, type ComponentType } from 'react';
import { Spinner } from '../components/ui/spinner.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';

/**
 * A screen loaded when first opened, in a chunk of its own: the screens most visits never reach
 * (account administration, the analyses, import, settings) stay out of the main chunk, which the
 * build keeps under 500 kB (e2e/web-build-warnings.test.ts). The layout around it stays on screen
 * while it loads.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return function LazyPage() {
    const { t } = useTranslation();
    return (
      <Suspense fallback={<Spinner label={t('loading')} />}>
        <Page />
      </Suspense>
    );
  };
}
