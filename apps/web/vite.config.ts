/**
 * Dev server and build for the web client. In development the API runs on :3000 and Vite
 * proxies to it, so cookies stay same-origin exactly as they are when the API serves dist/.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_ORIGIN = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // Two copies of Yjs break its instanceof checks (and it warns): the app, the shared client
  // and y-codemirror.next must all get the same one.
  resolve: { dedupe: ['yjs'] },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: API_ORIGIN, changeOrigin: false },
      '/socket.io': { target: API_ORIGIN, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            // use-sync-external-store is React Aria's as well as React Flow's (through zustand): named here, or it lands in
            // the map-canvas chunk and every screen fetches React Flow to get it.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|use-sync-external-store)[\\/]/, priority: 3 },
            // The real-time client runs on every workspace screen; claimed first, or the editor group pulls Yjs in.
            { name: 'collab', test: /node_modules[\\/](yjs|lib0|y-protocols|socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io|debug|ms|xmlhttprequest-ssl)[\\/]/, priority: 3 },
            // Only the notebook needs these: a chunk of their own, fetched with it.
            { name: 'editor', test: /node_modules[\\/](@codemirror|@lezer|codemirror|y-codemirror\.next|@marijn|crelt|style-mod|w3c-keyname)[\\/]/, priority: 2 },
            // Markdown rendering is also every discussion's (comments, on any screen): kept out of the editor's chunk, or every screen would fetch and run CodeMirror.
            { name: 'markdown', test: /node_modules[\\/](marked|dompurify)[\\/]/, priority: 2 },
            // Only an open map needs these (React Flow and its d3 parts); elkjs only when a map is laid out.
            { name: 'map-canvas', test: /node_modules[\\/](@xyflow|d3-[a-z-]+|zustand|classcat)[\\/]/, priority: 2 },
            { name: 'elk', test: /node_modules[\\/]elkjs[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
