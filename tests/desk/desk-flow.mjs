// The coordinator's desk in Debian's headless Chromium (playwright-core, no browser download), driven as a person
// would: sign in, import, start, act on the cycle, download the report. Every page visited is checked with axe-core
// (WCAG 2.1 A/AA) and for sideways scrolling at 1280 px and at 320 px, and screenshotted at both widths.
//
//   node tests/desk/desk-flow.mjs <phase> <base-url> <sign-in-link> <screenshot-dir> [phase arguments...]
//   phase "import": <roster.xlsx> <broken.json>             → signs in, previews and imports, starts the default year
//   phase "cycle":  <agreement> <year> <owner> <report.docx> → sees the owner's submission, reminds, extends, closes,
//                                                              downloads the report, signs out
// Prints one JSON line per checked page and a last {"total_violations":n}; exits 1 on any violation.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [phase, baseUrl, signInLink, shots, ...rest] = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const userDataDir = mkdtempSync(join(tmpdir(), 'desk-chromium-'));
mkdirSync(shots, { recursive: true });

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  bypassCSP: true, // the desk's CSP forbids every script; axe is injected by the test only
  acceptDownloads: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

let violations = 0;
const started = Date.now();
const page = await context.newPage();

// Checks the page as it is now at both widths without reloading it (a POST's answer must not be sent twice).
async function check(name, expect) {
  if (await page.locator(expect).count() === 0) {
    throw new Error(`${name}: expected '${expect}' on ${page.url()}\n${(await page.content()).slice(0, 3000)}`);
  }
  for (const size of [{ label: '1280', width: 1280, height: 900 }, { label: '320', width: 320, height: 640 }]) {
    await page.setViewportSize({ width: size.width, height: size.height });
    if (!(await page.evaluate(() => 'axe' in window))) { await page.addScriptTag({ content: axeSource }); }
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
    console.log(JSON.stringify({ page: name, size: size.label, status: 'checked', violations: found, ms: Date.now() - started }));
    await page.screenshot({ path: join(shots, `${name}-${size.label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function clickAndWait(selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

// Reloads a page until a condition holds: the cycle closes and the report goes out in the background.
async function reloadUntil(url, selector, seconds) {
  for (let i = 0; i < seconds * 2; i++) {
    await page.goto(url);
    if (await page.locator(selector).count() > 0) { return; }
    await page.waitForTimeout(500);
  }
  throw new Error(`'${selector}' did not appear on ${url} within ${seconds} s`);
}

try {
  await page.goto(signInLink);
  await check('signin', 'form[action="/desk/signin"] button');
  await clickAndWait('form[action="/desk/signin"] button');

  if (phase === 'import') {
    const [roster, broken] = rest;
    await check('agreements-empty', 'main h1');

    await page.goto(`${baseUrl}/desk/import`);
    await check('import', 'input[type=file]');
    await page.setInputFiles('input[type=file]', broken);
    await clickAndWait('form[action="/desk/import"] button[type=submit]');
    await check('import-errors', '#import-errors li');

    await page.goto(`${baseUrl}/desk/import`);
    await page.setInputFiles('input[type=file]', roster);
    await clickAndWait('form[action="/desk/import"] button[type=submit]');
    await check('import-preview', 'form[action="/desk/import/confirm"]');
    // A new agreement: everything is listed as added, nothing claims the file changes nothing.
    if (await page.locator('main p.notice').count() !== 0) { throw new Error('import-preview: a new agreement shown as unchanged'); }
    await clickAndWait('form[action="/desk/import/confirm"] button[type=submit]');
    await check('import-done', '#result');

    await page.goto(`${baseUrl}/desk`);
    await check('agreements', 'main section h2');
    await page.goto(`${baseUrl}/desk?lang=en`);
    await check('agreements-en', 'html[lang=en] main section h2');

    await page.goto(`${baseUrl}/desk`);
    await clickAndWait('main section a[href*="/start"]');
    await check('start-confirm', 'form button[type=submit]');
    await clickAndWait('main form button[type=submit]');
    await check('start-done', '#result');
  } else if (phase === 'cycle') {
    const [agreement, year, owner, reportPath] = rest;
    const cycleUrl = `${baseUrl}/desk/cycles/${agreement}/${year}`;
    await reloadUntil(cycleUrl, `#owner-${owner}[data-state=Submitted]`, 30);
    await check('cycle-running', `#owner-${owner}[data-state=Submitted]`);
    await page.goto(`${cycleUrl}?lang=en`);
    await check('cycle-running-en', 'html[lang=en] #owners');

    await page.goto(cycleUrl);
    await clickAndWait('tbody tr:last-child a[href*="/resend"]');
    await check('resend-confirm', 'input[name=owner]');
    await page.goto(cycleUrl);
    await clickAndWait('tbody tr:last-child a[href*="/replace"]');
    await check('replace-confirm', 'input[name=email]');

    await page.goto(`${cycleUrl}/remind`);
    await check('remind-confirm', 'main form button[type=submit]');
    await clickAndWait('main form button[type=submit]');
    await check('remind-done', '#result');

    await page.goto(`${cycleUrl}/extend`);
    await check('extend-confirm', 'input[type=date]');
    await clickAndWait('main form button[type=submit]');
    await check('extend-done', '#result:not(.failed)');

    await page.goto(`${cycleUrl}/close`);
    await check('close-confirm', 'main form button.danger');
    await clickAndWait('main form button[type=submit]');
    await check('close-done', '#result');

    await reloadUntil(`${cycleUrl}/report`, '#deliveries', 90);
    await check('report', '#deliveries');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-sv')]);
    await download.saveAs(reportPath);

    await page.goto(`${cycleUrl}/regenerate`);
    await check('regenerate-confirm', 'main form button[type=submit]');
    await page.goto(cycleUrl);
    await check('cycle-closed', '#audit');

    await clickAndWait('form[action="/desk/signout"] button');
    await check('signed-out', 'main [role=status]');
    await page.goto(`${baseUrl}/desk`);
    await check('not-signed-in', 'main h1');
  } else {
    throw new Error(`unknown phase '${phase}'`);
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

console.log(JSON.stringify({ total_violations: violations }));
process.exit(violations === 0 ? 0 : 1);
