import { QueryClient } from '@tanstack/react-query';

/**
 * The app's cache of API answers (TanStack Query) on top of `api()`, which keeps the session:
 * access token in memory, one refresh on a 401, then the same call again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Every page asks again when it opens (cached answers show meanwhile), as it always did.
        staleTime: 0,
        // A failure is shown at once with its "Try again"; polled queries simply ask again.
        retry: false,
        // The APIs live on the page's own origin: whether the browser believes it is online
        // (navigator.onLine, offline events) says nothing about reaching them, and api() turns
        // a network failure into its own message.
        networkMode: 'always',
      },
      mutations: { networkMode: 'always' },
    },
  });
}
