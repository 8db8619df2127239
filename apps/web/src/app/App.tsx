/** Providers and the router: the whole client, mounted once by main.tsx. */
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { ReaderLayersContext } from '../features/corpus';
import { ToastProvider } from '../ui';
import { createQueryClient } from './query-client';
import { READER_LAYERS } from './reader-layers';
import { createRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createRouter(queryClient));
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <ReaderLayersContext.Provider value={READER_LAYERS}>
          <RouterProvider router={router} />
        </ReaderLayersContext.Provider>
      </ToastProvider>
    </QueryClientProvider>
  );
}
