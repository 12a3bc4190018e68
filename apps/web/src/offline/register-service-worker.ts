// Registers the service worker (dist/sw.js, root scope) in the production build only: under `vite dev`
// there is no sw.js and modules change under the same names. Browsers allow workers only in a secure
// context (HTTPS, or localhost / 127.0.0.1 over HTTP).
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !window.isSecureContext || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
    // The app works without it; only offline briefings need it, and their control says so.
    console.error('service worker not registered:', error);
  });
}

/** Whether offline copies can work in this page at all. */
export function offlineSupported(): boolean {
  return import.meta.env.PROD && window.isSecureContext && 'serviceWorker' in navigator && 'caches' in window;
}

/** Resolves once a service worker controls this page (at once when one already does). */
export async function serviceWorkerInCharge(): Promise<ServiceWorker> {
  const registration = await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller) return navigator.serviceWorker.controller;
  // The first visit: the worker claims the page when it activates.
  await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  return navigator.serviceWorker.controller ?? (registration.active as ServiceWorker);
}
