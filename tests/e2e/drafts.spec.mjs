// What is being typed in a span's note or entity id, or a label's fields,
// survives state changes that happen meanwhile (an autosave finishing, the
// idle compaction two seconds after an edit): Yew resets a field's DOM value
// to its `value` on every render, which erased the keys typed since the last
// commit (seen as a flaky workbench test under load).
import { test, expect } from './fixtures.mjs';
import { gotoApp, uploadFiles, txtFile, openDoc, dragSelect, cpFind } from './helpers.mjs';

const TEXT = 'التقت سلمى الراشد بوفد من منظمة الصحة العالمية في عمّان.\n';

/** TEXT loaded and عمّان tagged LOC and saved: the save status and how many
 * writes it had acknowledged then. */
async function tagAmman(page) {
  await gotoApp(page);
  await uploadFiles(page, [txtFile('draft.txt', TEXT)]);
  await openDoc(page, 'draft.txt');
  const at = cpFind(TEXT, 'عمّان');
  await dragSelect(page, at.start, at.end, 'عمّان');
  await page.keyboard.press('2');
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-state', 'saved');
  const acked = Number(await status.getAttribute('data-acked'));
  return { status, acked };
}

test('typing in the span fields survives the autosave that finishes meanwhile', async ({ page }) => {
  const { status, acked } = await tagAmman(page);

  await page.getByTestId('span-entity-id').click();
  await page.keyboard.type('Q3');
  // Another change is saved while the field is being typed in: a relabel
  // from the select commits nothing of the field but re-renders it.
  await page.getByTestId('span-note').click();
  await page.keyboard.type('عاصمة');
  // The idle compaction (2 s after the last write) re-renders everything.
  await page.waitForTimeout(2600);
  await page.keyboard.type(' الأردن');
  await page.getByTestId('span-entity-id').click();
  await page.keyboard.type('805');
  await page.waitForTimeout(2600);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('span-entity-id')).toHaveValue('Q3805');
  await expect(page.getByTestId('span-note')).toHaveValue('عاصمة الأردن');
  await expect(status).toHaveAttribute('data-state', 'saved');
  expect(Number(await status.getAttribute('data-acked'))).toBeGreaterThan(acked);

  await page.reload();
  await openDoc(page, 'draft.txt');
  await page.locator('mark[data-label="LOC"]').first().click();
  await expect(page.getByTestId('span-entity-id')).toHaveValue('Q3805');
  await expect(page.getByTestId('span-note')).toHaveValue('عاصمة الأردن');
});

// A note or entity id being typed was kept only once the field was left
// (Tab, Enter, a click elsewhere): a reload meanwhile lost it while the
// status said "Saved". It is committed once typing pauses.
test('a note and an entity id being typed are saved once typing pauses, before the field is left', async ({ page }) => {
  const { status, acked } = await tagAmman(page);

  await page.getByTestId('span-note').click();
  await page.keyboard.type('عاصمة ');
  // The pause commits "عاصمة" and keeps the space just typed.
  await expect.poll(async () => Number(await status.getAttribute('data-acked'))).toBeGreaterThan(acked);
  await page.keyboard.type('الأردن');
  await expect(page.getByTestId('span-note')).toHaveValue('عاصمة الأردن');
  const afterNote = Number(await status.getAttribute('data-acked'));
  await expect.poll(async () => Number(await status.getAttribute('data-acked'))).toBeGreaterThan(afterNote);
  await expect(page.getByTestId('span-note')).toBeFocused();
  await page.getByTestId('span-entity-id').click();
  await page.keyboard.type('Q3805');
  const afterBlur = Number(await status.getAttribute('data-acked'));
  await expect.poll(async () => Number(await status.getAttribute('data-acked'))).toBeGreaterThan(afterBlur);
  await expect(status).toHaveAttribute('data-state', 'saved');
  // Reloaded with the focus still in the field.
  await expect(page.getByTestId('span-entity-id')).toBeFocused();
  await page.reload();
  await openDoc(page, 'draft.txt');
  await page.locator('mark[data-label="LOC"]').first().click();
  await expect(page.getByTestId('span-note')).toHaveValue('عاصمة الأردن');
  await expect(page.getByTestId('span-entity-id')).toHaveValue('Q3805');
});
