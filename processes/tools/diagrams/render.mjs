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
    // the process's plane, then the inside of each collapsed subprocess (a plane of its own), as <name>--<box id>
    const planes = await page.evaluate(async xml => {
      const viewer = window.viewer = new window.BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) console.warn(warnings.map(w => w.message).join('\n'));
      return viewer.get('canvas').getRootElements().map(r => r.businessObject.id);
    }, readFileSync(join(models, file), 'utf8'));
    const name = basename(file, '.bpmn');
    mkdirSync(join(here, 'preview'), { recursive: true });
    for (const [i, plane] of planes.entries()) {
      const svg = await page.evaluate(async index => {
        const canvas = window.viewer.get('canvas');
        canvas.setRootElement(canvas.getRootElements()[index]);
        canvas.zoom('fit-viewport');
        return (await window.viewer.saveSVG()).svg;
      }, i);
      const target = i === 0 ? name : name + '--' + plane;
      writeFileSync(join(out, target + '.svg'), svg);
      await page.screenshot({ path: join(here, 'preview', target + '.png'), fullPage: true });
      console.log('rendered', target);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
