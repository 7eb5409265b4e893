// Nothing lost: a full storage quota warns, keeps the work in the tab, lets
// export work, and recovers on the next successful save.
import { test, expect } from './fixtures.mjs';
import { gotoApp, uploadFiles, txtFile, openDoc, dragSelect, cpFind, exportJson, shownSpans } from './helpers.mjs';

const TEXT = 'التقت سلمى الراشد بوفد من منظمة الصحة العالمية في عمّان.\n';

test('a full quota shows a warning, keeps the edit, and the next save recovers', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [txtFile('quota.txt', TEXT)]);
  await openDoc(page, 'quota.txt');
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    window.__restorePut = () => { IDBObjectStore.prototype.put = put; };
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const name = cpFind(TEXT, 'سلمى الراشد');
  await dragSelect(page, name.start, name.end, 'سلمى الراشد');
  await page.keyboard.press('1');
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('full');
  // The work is still there and export still works.
  expect((await shownSpans(page)).map((s) => [s.start, s.end, s.label])).toEqual([[name.start, name.end, 'PER']]);
  const { json } = await exportJson(page);
  expect(json.documents.find((d) => d.name === 'quota.txt').spans).toHaveLength(1);
  // Closing the tab now would lose work, so the page asks first.
  const asksBeforeClosing = () =>
    page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
  expect(await asksBeforeClosing()).toBe(true);
  // Once storage accepts writes again, the next edit saves everything.
  await page.evaluate(() => window.__restorePut());
  const org = cpFind(TEXT, 'منظمة الصحة العالمية');
  await dragSelect(page, org.start, org.end, 'منظمة الصحة العالمية');
  await page.keyboard.press('3');
  await expect(warning).toHaveCount(0);
  expect(await asksBeforeClosing()).toBe(false);
  await page.reload();
  await openDoc(page, 'quota.txt');
  await expect.poll(async () => (await shownSpans(page)).length).toBe(2);
});
