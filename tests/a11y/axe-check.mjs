// Accessibility check of the owner's form (WCAG 2.1 A/AA, the level DOS-lagen requires): axe-core in Debian's
// headless Chromium, driven by playwright-core. No browser download: the executable is the system one.
//
//   node tests/a11y/axe-check.mjs <form-url> <not-found-url> [screenshot-dir]
//
// Visits, at desktop width and at 320 px: the form (sv and en), the form after an empty submit (validation errors),
// the confirmation page, and the not-found page. Prints one JSON line per page; exits 1 on any violation.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [formUrl, notFoundUrl, screenshotDir] = process.argv.slice(2);
if (!formUrl || !notFoundUrl) {
  console.error('usage: node axe-check.mjs <form-url> <not-found-url> [screenshot-dir]');
  process.exit(2);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const userDataDir = mkdtempSync(join(tmpdir(), 'axe-chromium-'));
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  // The form's CSP forbids every script (it uses none); axe is injected by the test only.
  bypassCSP: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const widths = [{ name: 'desktop', width: 1280, height: 900 }, { name: 'mobile-320', width: 320, height: 640 }];
// Each page names an element that proves the check looked at the page it meant to (the form keeps earlier answers).
const pages = [
  { name: 'form-sv', expect: 'form[method=post]', go: async p => p.goto(formUrl) },
  { name: 'form-en', expect: 'html[lang=en] form[method=post]', go: async p => p.goto(`${formUrl}?lang=en`) },
  // Everything cleared, then Submit: every measure lacks status and light, so the page comes back with the error summary.
  { name: 'errors-sv', expect: '#error-summary', go: async p => { await p.goto(formUrl); await clearAll(p); await submit(p, 'submit'); } },
  { name: 'errors-en', expect: 'html[lang=en] #error-summary', go: async p => { await p.goto(`${formUrl}?lang=en`); await clearAll(p); await submit(p, 'submit'); } },
  // Enter in a text field must press Submit (the hidden default button), not the language switch that precedes it.
  { name: 'enter-key-sv', expect: 'html[lang=sv] #error-summary', go: async p => {
    await p.goto(formUrl); await clearAll(p); await p.focus('input[type=text]');
    await Promise.all([p.waitForNavigation(), p.keyboard.press('Enter')]);
  } },
  { name: 'confirmation-sv', expect: '.notice[role=status]', go: async p => { await p.goto(formUrl); await fillFirstChoices(p); await submit(p, 'submit'); } },
  { name: 'draft-en', expect: 'html[lang=en] .notice[role=status]', go: async p => { await p.goto(`${formUrl}?lang=en`); await submit(p, 'draft'); } },
  { name: 'not-found-sv', expect: 'html[lang=sv] h1', go: async p => p.goto(notFoundUrl) },
  { name: 'not-found-en', expect: 'html[lang=en] h1', go: async p => p.goto(`${notFoundUrl}?lang=en`) },
];

async function clearAll(page) {
  await page.evaluate(() => {
    for (const radio of document.querySelectorAll('input[type=radio]')) { radio.checked = false; }
    for (const field of document.querySelectorAll('textarea, input[type=text]')) { field.value = ''; }
  });
}

async function submit(page, action) {
  await Promise.all([page.waitForNavigation(), page.click(`.actions button[name=action][value=${action}]`)]);
}

async function fillFirstChoices(page) {
  await page.evaluate(() => {
    const seen = new Set();
    for (const radio of document.querySelectorAll('input[type=radio]')) {
      if (!seen.has(radio.name)) { seen.add(radio.name); radio.checked = true; }
    }
  });
}

let violations = 0;
try {
  for (const size of widths) {
    for (const spec of pages) {
      const page = await context.newPage();
      await page.setViewportSize({ width: size.width, height: size.height });
      await spec.go(page);
      if (await page.locator(spec.expect).count() === 0) {
        throw new Error(`${spec.name} at ${size.name}: expected '${spec.expect}' on ${page.url()}`);
      }

      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }));
      // WCAG 1.4.10 (reflow): nothing may need horizontal scrolling at 320 px. axe does not test this; we do.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const found = result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
      if (overflow > 0) {
        found.push({ id: 'reflow-320', impact: 'serious', help: `Page is ${overflow}px wider than the viewport`, nodes: [] });
      }

      violations += found.length;
      console.log(JSON.stringify({ page: spec.name, size: size.name, status: 'checked', violations: found }));
      if (screenshotDir) {
        await page.screenshot({ path: join(screenshotDir, `${spec.name}-${size.name}.png`), fullPage: true });
        await page.screenshot({ path: join(screenshotDir, `${spec.name}-${size.name}-top.png`) });
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
