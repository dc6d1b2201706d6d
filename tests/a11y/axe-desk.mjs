// Accessibility check of desk pages reached by a plain GET (WCAG 2.1 A/AA): signs in with a one-time link, then
// axe-core in Debian's headless Chromium via playwright-core checks each page at 1280 px and 320 px (where nothing may
// scroll sideways). A page named "...!bad-figure" is checked after submitting its effect form with a value that is no
// number, so the error state is checked too.
//
//   node tests/a11y/axe-desk.mjs <sign-in-link> [--screenshots DIR] <name>=<url> [<name>=<url> ...]
//
// Prints one JSON line per page and width; exits 1 on any violation.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const signInLink = args.shift();
let screenshotDir = null;
if (args[0] === '--screenshots') {
  screenshotDir = args[1];
  args.splice(0, 2);
}

const pages = args.map(a => ({ name: a.slice(0, a.indexOf('=')), url: a.slice(a.indexOf('=') + 1) }));
if (!signInLink || pages.length === 0 || pages.some(p => !p.name || !p.url)) {
  console.error('usage: node axe-desk.mjs <sign-in-link> [--screenshots DIR] <name>=<url> ...');
  process.exit(2);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const userDataDir = mkdtempSync(join(tmpdir(), 'axe-desk-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  bypassCSP: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const widths = [{ name: 'desktop', width: 1280, height: 900 }, { name: 'mobile-320', width: 320, height: 640 }];
let violations = 0;
try {
  const signIn = await context.newPage();
  await signIn.goto(signInLink);
  await Promise.all([signIn.waitForNavigation(), signIn.click('form[action="/desk/signin"] button')]);
  await signIn.close();

  for (const size of widths) {
    for (const spec of pages) {
      const page = await context.newPage();
      await page.setViewportSize({ width: size.width, height: size.height });
      let response = await page.goto(spec.url);
      if (spec.name.endsWith('!bad-figure')) {
        await page.fill('#effect-value', 'inte ett tal');
        await page.fill('#effect-source', 'Test');
        [response] = await Promise.all([page.waitForNavigation(), page.click('#effect-submit')]);
        if (await page.locator('#effect-error').count() === 0) {
          throw new Error(`${spec.name}: the effect form did not come back with its error`);
        }
      }

      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const found = result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
      if (overflow > 0) {
        found.push({ id: 'reflow-320', impact: 'serious', help: `Page is ${overflow}px wider than the viewport`, nodes: [] });
      }

      violations += found.length;
      console.log(JSON.stringify({ page: spec.name, size: size.name, http: response?.status(), status: 'checked', violations: found }));
      if (screenshotDir) {
        await page.screenshot({ path: join(screenshotDir, `${spec.name.replace('!', '-')}-${size.name}.png`), fullPage: true });
      }

      await page.close();
    }
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

console.log(JSON.stringify({ total_violations: violations }));
process.exit(violations === 0 ? 0 : 1);
