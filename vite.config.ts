import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repo = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = process.env.SERVICESTAR_API ?? 'http://127.0.0.1:3000';

/** Big libraries get their own long-lived chunks; each page is its own lazy chunk (see src/web/app.tsx). */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/, priority: 40 },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/, priority: 25 },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|dayjs|classnames|stylis|@babel[\\/]runtime)[\\/]/, priority: 20 },
];

export default defineConfig({
  root: path.join(repo, 'src/web'),
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: path.join(repo, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false, ws: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false, ws: true },
    },
  },
});
