// Two pages: the app (index.html) and the client of the server-rendered page (ssr.html).
export default {
  build: { rollupOptions: { input: { main: 'index.html', ssr: 'ssr.html' } } },
};
