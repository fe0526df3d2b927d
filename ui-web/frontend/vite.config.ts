import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// CALLAB_FRONTEND_OUT puts the build where CMake wants it (build/ui-web/frontend/dist);
// without it the build goes to ./dist.
const outDir = process.env.CALLAB_FRONTEND_OUT ?? 'dist';

export default defineConfig({
    plugins: [vue()],
    base: '/',
    build: {
        outDir,
        emptyOutDir: true,
        // Every asset is a file under /assets/ with a content hash in its name: nothing is
        // inlined as a data: URL, so the Content-Security-Policy needs no data: source.
        assetsInlineLimit: 0,
        chunkSizeWarningLimit: 1500,
    },
    server: {
        proxy: { '/api': 'http://127.0.0.1:8080' },
    },
    test: {
        include: ['tests/**/*.test.ts'],
        environment: 'node',
    },
});
