import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built into target/classes/static: the jar of this module is the UI the app serves.
// `npm run dev` proxies the API to a platform running on :8080.
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // the libraries every page needs in their own long-cached chunks; charts and the BPMN viewer only where used
        codeSplitting: {
          groups: [
            { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus)/ },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'bpmn', test: /node_modules[\\/](bpmn-js|diagram-js|bpmn-moddle|moddle|min-dom|min-dash|didi)/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
})
