import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built into target/classes/static: the jar of this module is the UI the app serves.
// `npm run dev` proxies the API to a platform running on :8080.
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000, // the modeler (camunda-bpmn-js, ~2.5 MB) loads only on its own page
    rolldownOptions: {
      output: {
        // the libraries every page needs in their own long-cached chunks; charts, the BPMN viewer and the modeler are
        // split off by their dynamic imports and load only on the pages that use them
        codeSplitting: {
          groups: [
            { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus)/ },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
})
