import { AppLink, useIsCurrent } from '../ui/app-link.tsx';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Outlet, ScrollRestoration } from 'react-router-dom';
import { paths } from '../config/paths.ts';
import { APP_NAME } from '../config/app.ts';
import { StorageNotice } from '../features/highlights/storage-notice.tsx';
import { UpdatePrompt } from '../features/offline/update-prompt.tsx';
import { useReaderSettings } from '../features/settings/use-reader-settings.ts';
import { syncEnabled } from '../features/sync/sync-config.ts';
import { useGlobalShortcuts } from '../features/shortcuts/use-global-shortcuts.ts';
import { ShortcutsEnabledContext } from '../ui/keyboard.ts';
import { ModalDialog } from '../ui/modal-dialog.tsx';
import { ToastProvider } from '../ui/toast.tsx';
import { scrollPositionKey } from './scroll-position-key.ts';
import { useRouteFocus } from './use-route-focus.ts';

const navLinkClass = 'inline-flex min-h-11 items-center rounded-md px-3 font-medium hover:bg-stone-200 aria-[current=page]:underline aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-4 dark:hover:bg-stone-800';

function NavItem({ to, end = false, children }: { to: string; end?: boolean; children: string }) {
  const current = useIsCurrent(to, end);
  return (
    <AppLink to={to} aria-current={current ? 'page' : undefined} className={navLinkClass}>
      {children}
    </AppLink>
  );
}
const headerButtonClass = 'inline-flex min-h-11 items-center rounded-md px-3 font-medium hover:bg-stone-200 dark:hover:bg-stone-800';

// Dialog contents load when first opened: the first view does not need them.
const SettingsPanel = lazy(() => import('../features/settings/settings-panel.tsx').then((m) => ({ default: m.SettingsPanel })));
const SyncSection = lazy(() => import('../features/sync/sync-section.tsx').then((m) => ({ default: m.SyncSection })));
const ShortcutsList = lazy(() => import('../features/shortcuts/shortcuts-list.tsx').then((m) => ({ default: m.ShortcutsList })));

export function RootLayout() {
  const [settings, updateSettings] = useReaderSettings();
  const [dialog, setDialog] = useState<'settings' | 'shortcuts' | null>(null);
  const showShortcuts = useCallback(() => setDialog('shortcuts'), []);
  const closeDialog = useCallback(() => setDialog(null), []);
  useGlobalShortcuts(settings.shortcuts, showShortcuts);
  const announcement = useRouteFocus();
  useEffect(() => {
    // Says the page is live (hydrated, its controls working): for tests and tools that drive it.
    document.documentElement.dataset.appReady = '';
  }, []);

  return (
    <ShortcutsEnabledContext value={settings.shortcuts}>
      <ToastProvider>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="border-b border-stone-200 bg-stone-50 print:hidden dark:border-stone-800 dark:bg-stone-900">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-2 px-4 py-1">
            <AppLink to={paths.library.getHref()} className="inline-flex min-h-11 items-center font-serif text-xl font-bold tracking-tight">
              {APP_NAME}
            </AppLink>
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-x-1">
                <li>
                  <NavItem to={paths.library.getHref()} end>
                    Articles
                  </NavItem>
                </li>
                <li>
                  <NavItem to={paths.highlights.getHref()}>Highlights</NavItem>
                </li>
                <li data-needs-js>
                  <button type="button" aria-haspopup="dialog" onClick={() => setDialog('settings')} className={headerButtonClass}>
                    Settings
                  </button>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <StorageNotice />
        <main id="main" tabIndex={-1} className="outline-none">
          <Outlet />
        </main>
        <footer data-needs-js className="mx-auto max-w-3xl px-4 py-8 text-sm text-stone-600 print:hidden dark:text-stone-400">
          <button type="button" aria-haspopup="dialog" onClick={showShortcuts} className="min-h-11 underline underline-offset-2">
            Keyboard shortcuts
          </button>
        </footer>
        <div aria-live="polite" className="sr-only">
          {announcement}
        </div>
        <ModalDialog title="Settings" open={dialog === 'settings'} onClose={closeDialog}>
          {dialog === 'settings' && (
            <Suspense fallback={<p role="status">Loading…</p>}>
              <SettingsPanel settings={settings} onChange={updateSettings} />
              {syncEnabled && <SyncSection />}
            </Suspense>
          )}
        </ModalDialog>
        <ModalDialog title="Keyboard shortcuts" open={dialog === 'shortcuts'} onClose={closeDialog}>
          {dialog === 'shortcuts' && (
            <Suspense fallback={<p role="status">Loading…</p>}>
              <ShortcutsList enabled={settings.shortcuts} />
            </Suspense>
          )}
        </ModalDialog>
        <UpdatePrompt />
        <ScrollRestoration getKey={scrollPositionKey} />
      </ToastProvider>
    </ShortcutsEnabledContext>
  );
}
