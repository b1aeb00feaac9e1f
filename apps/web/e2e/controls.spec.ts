import { expect, logIn, screenshot, signUp, test, uniqueEmail } from './fixtures';

// Issue 20: must-haves in onboarding and settings; mute, not interested and snooze (each with its
// undo) on a match card and on a notification.
test.describe.configure({ mode: 'serial' });

test('must-haves are saved in settings; a match card mutes, dismisses with a reason and snoozes, and undoes each', async ({ page, stack }) => {
  // The stack's admin: in the whole suite app.spec made it first, and the demo jobs were
  // fanned out to it then (jobs reach the users who exist when they arrive); alone, this spec
  // makes it, and its "Fetch now" below brings the jobs.
  await logIn(page, stack.adminEmail);
  const known = await page.waitForURL(/\/(matches|onboarding)$/, { timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (!known) {
    await signUp(page, stack.adminEmail);
    await stack.promote(stack.adminEmail);
    await page.reload();
    await page.getByRole('button', { name: 'Senior backend, remote EU' }).click();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('heading', { name: 'Set your must-haves' })).toBeVisible();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await expect(page.getByRole('heading', { name: 'Connect Discord' })).toBeVisible();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('button', { name: 'Save and finish' }).click();
  }
  await expect(page).toHaveURL(/\/matches$/);

  // Must-haves in settings, kept across a reload.
  await page.getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Filters and must-haves' });
  await form.getByLabel('Lowest seniority').selectOption('mid');
  await form.getByLabel('Highest seniority').selectOption('staff');
  await form.getByRole('checkbox', { name: 'Remote', exact: true }).check();
  await form.getByRole('checkbox', { name: 'Hybrid' }).check();
  await form.getByLabel(/Remote regions/).fill('Europe, UK');
  await form.getByRole('checkbox', { name: 'I need visa sponsorship' }).check();
  await form.getByRole('checkbox', { name: 'Full-time' }).check();
  await form.getByLabel(/Languages you work in/).fill('en, DE');
  await form.getByLabel(/Leave out jobs mentioning/).fill('PHP, on-call');
  await form.getByRole('button', { name: 'Save filters' }).click();
  await expect(form.getByText('Filters saved.')).toBeVisible();
  await screenshot(page, 'controls-01-must-haves');
  await page.reload();
  await expect(form.getByLabel('Lowest seniority')).toHaveValue('mid');
  await expect(form.getByLabel('Highest seniority')).toHaveValue('staff');
  await expect(form.getByRole('checkbox', { name: 'Hybrid' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'On-site' })).not.toBeChecked();
  await expect(form.getByLabel(/Remote regions/)).toHaveValue('europe, uk');
  await expect(form.getByRole('checkbox', { name: 'I need visa sponsorship' })).toBeChecked();
  await expect(form.getByLabel(/Languages you work in/)).toHaveValue('en, de');
  await expect(form.getByLabel(/Leave out jobs mentioning/)).toHaveValue('php, on-call');

  // Back to no must-haves, so the demo jobs reach this account, then fetch them.
  for (const name of ['Remote', 'Hybrid', 'I need visa sponsorship', 'Full-time']) await form.getByRole('checkbox', { name, exact: true }).uncheck();
  await form.getByLabel('Lowest seniority').selectOption('');
  await form.getByLabel('Highest seniority').selectOption('');
  await form.getByLabel(/Remote regions/).fill('');
  await form.getByLabel(/Leave out jobs mentioning/).fill('');
  await form.getByRole('button', { name: 'Save filters' }).click();
  await expect(form.getByText('Filters saved.')).toBeVisible();
  await page.getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Fetch now' }).click();
  await expect(page.getByTestId('scrape-run')).toHaveAttribute('data-status', /succeeded|partial/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Matches' }).click();
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('match-card').first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000] });

  const card = page.getByTestId('match-card').first();
  // Mute the company, then undo.
  await card.getByRole('button', { name: /^Mute (?!keyword)/ }).click();
  await expect(card.getByTestId('company-muted')).toBeVisible();
  await card.getByRole('button', { name: 'Undo mute' }).click();
  await expect(card.getByTestId('company-muted')).toBeHidden();
  await expect(card.getByRole('button', { name: /^Mute (?!keyword)/ })).toBeVisible();

  // Mute a keyword, then undo.
  await card.getByLabel('Keyword to mute').fill('Kafka');
  await card.getByRole('button', { name: 'Mute keyword' }).click();
  await expect(card.getByTestId('keyword-muted')).toContainText('Kafka');
  await card.getByTestId('keyword-muted').getByRole('button', { name: 'Undo' }).click();
  await expect(card.getByTestId('keyword-muted')).toHaveCount(0);
  await card.getByLabel('Keyword to mute').fill('on-call');
  await card.getByRole('button', { name: 'Mute keyword' }).click();
  await expect(card.getByTestId('keyword-muted')).toContainText('on-call');

  // Not interested, with "other" and the user's words, then undo.
  await card.getByRole('button', { name: 'Not interested' }).click();
  await card.getByLabel('Why?').selectOption('other');
  await card.getByLabel('In your words').fill('Too much travel');
  await card.getByRole('button', { name: 'Save reason' }).click();
  await expect(card.getByTestId('not-interested')).toContainText('Other');
  await screenshot(page, 'controls-02-match-card');
  await card.getByTestId('not-interested').getByRole('button', { name: 'Undo' }).click();
  await expect(card.getByRole('button', { name: 'Not interested' })).toBeVisible();

  // Snooze every alert for a week, then resume.
  await card.getByRole('button', { name: 'Snooze alerts for a week' }).click();
  await expect(card.getByTestId('snoozed')).toContainText('Alerts snoozed until');
  await card.getByRole('button', { name: 'Resume alerts' }).click();
  await expect(card.getByRole('button', { name: 'Snooze alerts for a week' })).toBeVisible();
  await card.getByRole('button', { name: 'Snooze alerts for a week' }).click();
  await expect(card.getByTestId('snoozed')).toBeVisible();

  // The same controls on a notification (the demo prompt's best matches reached the threshold).
  await page.getByRole('link', { name: /^Notifications/ }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('notification').first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
  const notification = page.getByTestId('notification').first();
  const controls = notification.getByRole('group', { name: 'Match controls' });
  await expect(controls.getByTestId('snoozed')).toContainText('Alerts snoozed until');
  await controls.getByRole('button', { name: /^Mute (?!keyword)/ }).click();
  await expect(controls.getByTestId('company-muted')).toBeVisible();
  await controls.getByRole('button', { name: 'Undo mute' }).click();
  await expect(controls.getByTestId('company-muted')).toBeHidden();
  await controls.getByLabel('Keyword to mute').fill('Kubernetes');
  await controls.getByRole('button', { name: 'Mute keyword' }).click();
  await expect(controls.getByTestId('keyword-muted')).toContainText('Kubernetes');
  await controls.getByTestId('keyword-muted').getByRole('button', { name: 'Undo' }).click();
  await expect(controls.getByTestId('keyword-muted')).toHaveCount(0);
  await controls.getByRole('button', { name: 'Not interested' }).click();
  const reasons = await controls.getByLabel('Why?').locator('option').allTextContents();
  expect(reasons).toEqual(['Wrong seniority', 'Location', 'Salary', 'Company', 'Not my role', 'Already applied', 'Expired', 'Other']);
  await controls.getByLabel('Why?').selectOption('salary');
  await controls.getByRole('button', { name: 'Save reason' }).click();
  await expect(controls.getByTestId('not-interested')).toContainText('Salary');
  await screenshot(page, 'controls-03-notification');
  // Stored: answered again after a reload? The list does not show dismissals yet; the undo is the check.
  await controls.getByTestId('not-interested').getByRole('button', { name: 'Undo' }).click();
  await expect(controls.getByRole('button', { name: 'Not interested' })).toBeVisible();

  // Settings lists the mute and the snooze, and undoes both.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('settings-snoozed')).toContainText('Alerts are snoozed until');
  await expect(page.getByTestId('mute')).toHaveCount(1);
  await expect(page.getByTestId('mute')).toContainText('Keyword: on-call');
  await screenshot(page, 'controls-04-settings-mutes');
  await page.getByTestId('mute').getByRole('button', { name: 'Unmute' }).click();
  await expect(page.getByTestId('mute')).toHaveCount(0);
  await page.getByTestId('settings-snoozed').getByRole('button', { name: 'Resume alerts' }).click();
  await expect(page.getByText('Alerts are on.')).toBeVisible();
});

test('a new account sets its must-haves during onboarding, and finds them in settings', async ({ page }) => {
  await signUp(page, uniqueEmail('onboarding-must-haves'));
  await page.getByRole('button', { name: 'Senior backend, remote EU' }).click();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Set your must-haves' })).toBeVisible();
  await expect(page.getByText('Step 2 of 4')).toBeVisible();
  const form = page.getByRole('form', { name: 'Filters and must-haves' });
  await form.getByLabel('Lowest seniority').selectOption('senior');
  await form.getByRole('checkbox', { name: 'Remote', exact: true }).check();
  await form.getByLabel(/Remote regions/).fill('Europe');
  await form.getByLabel('Minimum yearly salary').fill('80000');
  await form.getByRole('checkbox', { name: 'Keep jobs that state no salary' }).uncheck();
  await screenshot(page, 'controls-05-onboarding-must-haves');
  await form.getByRole('button', { name: 'Save must-haves' }).click();

  await expect(page.getByRole('heading', { name: 'Connect Discord' })).toBeVisible();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.getByRole('button', { name: 'Save and finish' }).click();
  await expect(page).toHaveURL(/\/matches$/);

  await page.getByRole('link', { name: 'Settings' }).click();
  const saved = page.getByRole('form', { name: 'Filters and must-haves' });
  await expect(saved.getByLabel('Lowest seniority')).toHaveValue('senior');
  await expect(saved.getByLabel('Highest seniority')).toHaveValue('');
  await expect(saved.getByRole('checkbox', { name: 'Remote', exact: true })).toBeChecked();
  await expect(saved.getByRole('checkbox', { name: 'Hybrid' })).not.toBeChecked();
  await expect(saved.getByLabel(/Remote regions/)).toHaveValue('europe');
  await expect(saved.getByLabel('Minimum yearly salary')).toHaveValue('80000');
  await expect(saved.getByRole('checkbox', { name: 'Keep jobs that state no salary' })).not.toBeChecked();
});
