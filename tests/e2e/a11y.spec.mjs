// Accessibility (issue 11): axe-core on the main screens, in English and in
// Arabic (the browser's language decides; Playwright's default is en-US),
// with zero violations: the workbench with a document open and spans (one
// selected), the shortcut sheet, the export menu with its options, the
// label editor (with a deletion being confirmed), the Team panel with a
// report, and the search with its matches and Tag all. Spans have
// accessible names ("PER: مصطفى الكاظمي"), made of attributes only.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';
import { gotoApp, readCorpus, uploadFiles, openDoc, cpFind, dragSelect, markLocator, jsonFile } from './helpers.mjs';

const article = readCorpus().find((c) => c.name.startsWith('004_'));

/** Runs axe on the page (or `include`) and expects no violation. */
async function expectNoViolations(page, what, include) {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n    ')}`);
  expect(report, `axe violations on ${what}`).toEqual([]);
}

/** The app with the article open, PER on مصطفى الكاظمي and LOC on بغداد. */
async function workbench(page) {
  await gotoApp(page);
  await uploadFiles(page, [article.path]);
  await openDoc(page, article.name);
  const name = cpFind(article.text, 'مصطفى الكاظمي');
  await dragSelect(page, name.start, name.end, 'مصطفى الكاظمي');
  await page.keyboard.press('1');
  await expect(markLocator(page, { start: name.start, end: name.end, label: 'PER' })).toHaveCount(1);
  return name;
}

const TEXT = 'زار علي بغداد ثم عاد إلى الموصل';
const cut = (text, s, e) => Array.from(text).slice(s, e).join('');
const annotatorFile = (annotator, spans) => jsonFile(`${annotator}.json`, {
  format: 'wasim',
  version: 2,
  labels: [{ name: 'PER', color: '#ffc38a', key: '1' }, { name: 'LOC', color: '#9be39b', key: '2' }],
  documents: [{
    name: 'd.txt', text: TEXT, done: false, annotator,
    spans: spans.map(([start, end, label]) => ({ start, end, label, text: cut(TEXT, start, end) })),
  }],
});

for (const [lang, locale, dir] of [['English', 'en-US', 'ltr'], ['Arabic', 'ar-IQ', 'rtl']]) {
  test.describe(`axe, ${lang} interface`, () => {
    test.use({ locale });

    test(`workbench with a document and spans (${lang})`, async ({ page }) => {
      const name = await workbench(page);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      const mark = markLocator(page, { start: name.start, end: name.end, label: 'PER' }).first();
      await expect(mark).toHaveAttribute('aria-label', 'PER: مصطفى الكاظمي');
      // The name is an attribute: the text of the span is untouched.
      await expect(mark).toHaveText('مصطفى الكاظمي');
      await mark.click();
      await expect(page.getByTestId('span-details')).toBeVisible();
      await expectNoViolations(page, 'the workbench');
    });

    test(`shortcut sheet (${lang})`, async ({ page }) => {
      await workbench(page);
      await page.getByTestId('help').click();
      await expect(page.getByTestId('shortcuts')).toBeVisible();
      await expectNoViolations(page, 'the shortcut sheet');
    });

    test(`export menu (${lang})`, async ({ page }) => {
      await workbench(page);
      for (const format of ['doccano', 'label-studio', 'conll']) {
        await page.getByTestId('export-format').selectOption(format);
        await expectNoViolations(page, `the export menu (${format})`, '.toolbar');
      }
      await page.getByTestId('export-scope').selectOption('open');
      await expectNoViolations(page, 'the export menu (open document)', '.toolbar');
    });

    test(`label editor (${lang})`, async ({ page }) => {
      await workbench(page);
      await page.getByTestId('label-editor').locator('summary').click();
      await expect(page.getByTestId('label-row')).toHaveCount(4);
      await page.locator('[data-testid="label-row"][data-label="PER"]').getByTestId('label-delete').click();
      await expect(page.getByTestId('label-delete-confirm')).toBeVisible();
      await expectNoViolations(page, 'the label editor');
    });

    test(`Team panel with a report (${lang})`, async ({ page }) => {
      await gotoApp(page);
      await page.getByTestId('team-open').click();
      await expect(page.getByTestId('team-panel')).toBeVisible();
      await expectNoViolations(page, 'the empty Team panel');
      await page.getByTestId('team-input').setInputFiles([
        annotatorFile('Amina', [[4, 7, 'PER'], [8, 13, 'LOC']]),
        annotatorFile('Badr', [[4, 7, 'PER'], [8, 13, 'PER']]),
        annotatorFile('Chadi', [[4, 7, 'PER']]),
      ]);
      await expect(page.getByTestId('team-report')).toBeVisible();
      await expectNoViolations(page, 'the Team panel with a report');
      // The chart is laid out left to right in both languages: every text
      // of it lies inside the drawing (in an RTL page, inherited, its title
      // and label names were drawn off it).
      const outside = await page.getByTestId('team-chart').locator('svg').evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')]
          .map((t) => [t.textContent, t.getBoundingClientRect()])
          .filter(([, r]) => r.left < box.left - 1 || r.right > box.right + 1)
          .map(([text]) => text);
      });
      expect(outside).toEqual([]);
    });

    // Fourteen refused files, loaded one by one: the screen keeps six
    // messages and counts the errors it pushed off (they left unsaid); the
    // log lists all, scrolls, and the keyboard can reach it to scroll it.
    test(`a long message log; errors pushed off the screen are counted (${lang})`, async ({ page }) => {
      await gotoApp(page);
      for (let i = 1; i <= 14; i++) {
        await uploadFiles(page, [jsonFile(`broken-${i}.json`, '{"format": "wasim", "documents": [')]);
        await expect(page.locator('[data-testid="message"][data-kind="error"]').filter({ hasText: `broken-${i}.json` })).toHaveCount(1);
      }
      await expect(page.locator('[data-testid="message"]')).toHaveCount(6);
      const note = page.getByTestId('messages-pushed-off');
      await expect(note).toContainText(lang === 'English' ? '8 earlier errors and warnings' : '8 أخطاء وتحذيرات سابقة');
      await page.getByTestId('messages-toggle').click();
      const log = page.getByTestId('message-log');
      await expect(log.getByTestId('message-log-entry')).toHaveCount(14);
      expect(await log.evaluate((el) => el.scrollHeight > el.clientHeight), 'the log scrolls').toBe(true);
      await expectNoViolations(page, 'a long message log');
      await page.getByTestId('messages-toggle').focus();
      await page.keyboard.press('Tab');
      await expect(log).toBeFocused();
      await page.keyboard.press('End');
      await expect.poll(() => log.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await note.getByRole('button').click();
      await expect(note).toHaveCount(0);
    });

    // Modal dialogs and the keyboard: the focus moves in when one opens,
    // Tab and Shift+Tab never leave it, Esc closes it from any control in
    // it (a field or a checkbox too), and the focus goes back to the
    // button that opened it.
    test(`dialogs keep the keyboard focus, Esc closes them, the focus returns (${lang})`, async ({ page }) => {
      await workbench(page);
      const inside = (testid) => page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testid);
      const walk = async (testid, key, times) => {
        const out = [];
        for (let i = 0; i < times; i++) {
          await page.keyboard.press(key);
          out.push(await inside(testid));
        }
        return out;
      };
      for (const [opener, dialog, steps] of [['help', 'shortcuts', 6], ['team-open', 'team-panel', 6]]) {
        await page.getByTestId(opener).focus();
        await page.keyboard.press('Enter');
        await expect(page.getByTestId(dialog)).toBeVisible();
        expect(await inside(dialog), `${dialog} has the focus when it opens`).toBe(true);
        expect(await walk(dialog, 'Tab', steps)).toEqual(Array(steps).fill(true));
        expect(await walk(dialog, 'Shift+Tab', steps + 2)).toEqual(Array(steps + 2).fill(true));
        await page.keyboard.press('Escape');
        await expect(page.getByTestId(dialog)).toHaveCount(0);
        await expect(page.getByTestId(opener)).toBeFocused();
      }
      // Esc from a field inside the Team panel closes it too.
      await page.getByTestId('team-open').click();
      await page.getByTestId('team-input').focus();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('team-panel')).toHaveCount(0);
      // "؟" (Shift+/ on an Arabic layout) opens the sheet as "?" does.
      // (Playwright has no Arabic layout: the keydown is made as it would send it.)
      await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '؟', code: 'Slash', shiftKey: true, bubbles: true })));
      await expect(page.getByTestId('shortcuts')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('shortcuts')).toHaveCount(0);
    });

    // A control that goes away with the action it did (a span's Delete, a
    // document's remove button, a message's ×, Tag all's confirm) leaves
    // the keyboard focus on the page, never on <body>, where Tab would
    // start again at the top; Esc cancels a label's delete question and
    // Tag all's.
    test(`the focus stays on the page when its control goes (${lang})`, async ({ page }) => {
      const name = await workbench(page);
      const onBody = () => page.evaluate(() => document.activeElement === document.body || !document.activeElement);
      const mark = markLocator(page, { start: name.start, end: name.end, label: 'PER' }).first();
      await mark.click();
      // Where the text is scrolled, and the text and its scrollers: they stay put.
      const scrolls = () => page.getByTestId('doc-text').evaluate((el) => {
        const out = [];
        for (let at = el; at; at = at.parentElement) out.push(at.scrollTop);
        return out;
      });
      const before = await scrolls();
      await page.getByTestId('span-delete').focus();
      await page.keyboard.press('Enter');
      await expect(markLocator(page, { start: name.start, end: name.end, label: 'PER' })).toHaveCount(0);
      await expect(page.getByTestId('doc-text')).toBeFocused();
      expect(await scrolls(), 'the text did not move').toEqual(before);
      // The undo says so in a message: its × by keyboard.
      await page.keyboard.press('Control+z');
      const dismiss = page.locator('.messages button.dismiss, [data-testid="messages"] button.dismiss').first();
      await expect(dismiss).toBeVisible();
      await dismiss.focus();
      await page.keyboard.press('Enter');
      await expect(dismiss).toHaveCount(0);
      await page.waitForTimeout(50);
      expect(await onBody(), 'after a message is dismissed').toBe(false);
      // Tag all by keyboard: its question takes the focus (Esc gives it
      // back to Tag all), and a second Enter confirms.
      await page.keyboard.press('Control+f');
      await page.getByTestId('search-input').fill('الحكومة');
      await page.getByTestId('search-tag-all').focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('search-tag-confirm')).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('search-tag-confirm')).toHaveCount(0);
      await expect(page.getByTestId('search-tag-all')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('search-tag-confirm')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('search-tag-confirm')).toHaveCount(0);
      await page.waitForTimeout(50);
      expect(await onBody(), 'after Tag all is confirmed').toBe(false);
      // A label's delete question: Esc cancels it, back on its Delete.
      await page.getByTestId('label-editor').locator('summary').click();
      const row = page.locator('[data-testid="label-row"][data-label="PER"]');
      await row.getByTestId('label-delete').focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('label-delete-confirm')).toBeVisible();
      // The question takes the keyboard (it was two Tabs away, and Esc on
      // the Delete button did nothing).
      await expect(page.getByTestId('label-delete-confirm').locator('select')).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('label-delete-confirm')).toHaveCount(0);
      await expect(row.getByTestId('label-delete')).toBeFocused();
      // Leaving the question with Tab puts it away: one question at a time.
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('label-delete-confirm').locator('select')).toBeFocused();
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      await expect(page.getByTestId('label-delete-confirm')).toHaveCount(0);
      await row.getByTestId('label-delete').focus();
      // A document removed from the list: the focus goes to the next one.
      await uploadFiles(page, [readCorpus().find((c) => c.name.startsWith('000_')).path]);
      await expect(page.getByTestId('doc-remove')).toHaveCount(2);
      await page.getByTestId('doc-remove').first().focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('doc-remove')).toHaveCount(1);
      await page.waitForTimeout(50);
      expect(await onBody(), 'after a document is removed').toBe(false);
      expect(await page.evaluate(() => !!document.activeElement.closest('[data-testid="doc-list"]'))).toBe(true);
    });

    // Tab in the text walks the spans; Enter on the selected one takes the
    // keyboard to its note, whichever span it is.
    test(`Enter on a selected span goes to its note, Esc back to the text (${lang})`, async ({ page }) => {
      const name = await workbench(page);
      const mark = markLocator(page, { start: name.start, end: name.end, label: 'PER' }).first();
      await mark.click();
      await expect(page.getByTestId('span-details')).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('span-note')).toBeFocused();
      await page.keyboard.type('رئيس الوزراء');
      await expect(page.getByTestId('span-note')).toHaveValue('رئيس الوزراء');
      // Esc takes the keyboard back to the text, the note kept and the
      // span still selected: Tab goes on to the next span from there.
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('doc-text')).toBeFocused();
      await expect(page.getByTestId('span-details')).toBeVisible();
      await expect(page.getByTestId('span-note')).toHaveValue('رئيس الوزراء');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('span-note')).toBeFocused();
      await expect(page.getByTestId('span-note')).toHaveValue('رئيس الوزراء');
    });

    // The toolbar's popovers close with Esc (from inside them or anywhere)
    // and with a press outside them; their button still toggles them.
    test(`popovers close with Esc or a click outside (${lang})`, async ({ page }) => {
      await workbench(page);
      for (const [toggle, panel] of [['settings-toggle', 'settings'], ['messages-toggle', 'message-log']]) {
        await page.getByTestId(toggle).click();
        await expect(page.getByTestId(panel)).toBeVisible();
        await page.getByTestId('doc-text').click();
        await expect(page.getByTestId(panel)).toHaveCount(0);
        await page.getByTestId(toggle).click();
        await expect(page.getByTestId(panel)).toBeVisible();
        await page.getByTestId(toggle).click();
        await expect(page.getByTestId(panel), 'the button still toggles').toHaveCount(0);
        await page.getByTestId(toggle).click();
        await page.keyboard.press('Escape');
        await expect(page.getByTestId(panel)).toHaveCount(0);
      }
      // Esc from a control inside gives the focus back to the button.
      await page.getByTestId('settings-toggle').click();
      await page.getByTestId('reading-size').focus();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('settings')).toHaveCount(0);
      await expect(page.getByTestId('settings-toggle')).toBeFocused();
      // A press inside does not close it.
      await page.getByTestId('settings-toggle').click();
      await page.getByTestId('settings-reset').click();
      await expect(page.getByTestId('settings')).toBeVisible();
    });

    // The file inputs are visually hidden inside labels drawn as buttons:
    // the label shows the focus ring when the input has the keyboard focus.
    test(`the Open files and Team file buttons show the keyboard focus (${lang})`, async ({ page }) => {
      await gotoApp(page);
      const ring = (testid) =>
        page.getByTestId(testid).evaluate((input) => getComputedStyle(input.closest('label')).outlineStyle);
      expect(await ring('file-input')).toBe('none');
      await page.locator('body').focus();
      await page.keyboard.press('Tab');
      await expect(page.getByTestId('file-input')).toBeFocused();
      expect(await ring('file-input')).toBe('solid');
      await page.getByTestId('team-open').click();
      for (let i = 0; i < 10 && !(await page.getByTestId('team-input').evaluate((i) => i === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      await expect(page.getByTestId('team-input')).toBeFocused();
      expect(await ring('team-input')).toBe('solid');
    });

    test(`search with matches and Tag all (${lang})`, async ({ page }) => {
      await workbench(page);
      await page.getByTestId('search-input').fill('الكاظمي');
      await expect(page.getByTestId('search-results')).toBeVisible();
      await page.getByTestId('search-scope').selectOption('corpus');
      await page.getByTestId('search-tag-all').click();
      await expect(page.getByTestId('search-tag-preview')).toBeVisible();
      await expectNoViolations(page, 'the search');
    });
  });
}
