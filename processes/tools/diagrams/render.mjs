// Renders every BPMN model under processes/src/main/resources/processes to docs/images/<name>.svg (and a PNG preview
// under preview/, not committed), using the bpmn-js viewer in headless Chromium. Run: npm install && npm run render
// (needs Debian's chromium: apt-get install chromium fonts-noto-cjk).
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const models = join(root, 'processes', 'src', 'main', 'resources', 'processes');
const out = join(root, 'docs', 'images');
mkdirSync(out, { recursive: true });
const viewer = readFileSync(join(here, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run'],
});
try {
  for (const file of readdirSync(models).filter(f => f.endsWith('.bpmn'))) {
    const page = await browser.newPage({ viewport: { width: 2400, height: 1200 } });
    await page.setContent('<html><body style="margin:0;background:#fff"><div id="canvas" style="width:2400px;height:1200px"></div></body></html>');
    await page.addScriptTag({ content: viewer });
    const svg = await page.evaluate(async xml => {
      const viewer = new window.BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) console.warn(warnings.map(w => w.message).join('\n'));
      viewer.get('canvas').zoom('fit-viewport');
      return (await viewer.saveSVG()).svg;
    }, readFileSync(join(models, file), 'utf8'));
    const name = basename(file, '.bpmn');
    writeFileSync(join(out, name + '.svg'), svg);
    mkdirSync(join(here, 'preview'), { recursive: true });
    await page.screenshot({ path: join(here, 'preview', name + '.png'), fullPage: true });
    console.log('rendered', name);
    await page.close();
  }
} finally {
  await browser.close();
}
