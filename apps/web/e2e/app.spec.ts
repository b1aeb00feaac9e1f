import { discordRequests, expect, logIn, PASSWORD, screenshot, signUp, test, uniqueEmail } from './fixtures';

test.describe.configure({ mode: 'serial' });

test('sign up → describe the job → connect Discord → fetch now → a match with its reasons, counted and sent to Discord', async ({ page, stack }) => {
  const adminEmail = stack.adminEmail;
  const webhookUrl = stack.webhookUrl;

  await page.goto('/signup');
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await screenshot(page, '01-signup');
  await signUp(page, adminEmail);
  // An operator makes this account the admin; the app picks the role up with its next session renewal.
  await stack.promote(adminEmail);
  await page.reload();

  // Step 1: the ideal job, from an example prompt.
  await expect(page.getByRole('heading', { name: 'Describe your ideal job' })).toBeVisible();
  await page.getByRole('button', { name: 'Senior backend, remote EU' }).click();
  await expect(page.getByLabel('Your ideal job, in your own words')).toHaveValue(/Senior backend engineer, TypeScript or Go/);
  await screenshot(page, '02-onboarding-prompt');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // Step 2: must-haves, optional (controls.spec saves some).
  await expect(page.getByRole('heading', { name: 'Set your must-haves' })).toBeVisible();
  await page.getByRole('button', { name: 'Skip for now' }).click();

  // Step 3: Discord, with a test message.
  await expect(page.getByRole('heading', { name: 'Connect Discord' })).toBeVisible();
  await page.getByLabel('Discord webhook URL').fill(webhookUrl);
  await page.getByRole('button', { name: 'Save webhook' }).click();
  await expect(page.getByTestId('webhook-status')).toContainText('Connected');
  await page.getByRole('button', { name: 'Send a test message' }).click();
  await expect(page.getByText('Test message sent')).toBeVisible();
  await screenshot(page, '03-onboarding-discord');
  const afterTest = await discordRequests(stack);
  expect(afterTest.filter((r) => r.status === 200)).toHaveLength(1);
  await page.getByRole('button', { name: 'Continue' }).click();

  // Step 4: threshold, with its preview (nothing scored for a new account yet).
  await expect(page.getByRole('heading', { name: 'Choose a threshold' })).toBeVisible();
  await expect(page.getByTestId('threshold-preview')).toContainText('No jobs arrived in the last week yet');
  await page.getByLabel(/Notify me from a score of/).fill('70');
  await screenshot(page, '04-onboarding-threshold');
  await page.getByRole('button', { name: 'Save and finish' }).click();

  await expect(page).toHaveURL(/\/matches$/);
  await expect(page.getByText('No matches yet')).toBeVisible();
  await screenshot(page, '05-matches-empty');

  // Fetch now (admin), with live progress until the run has finished.
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^fixture http:.* enabled$/ })).toBeChecked();
  await page.getByRole('button', { name: 'Fetch now' }).click();
  const run = page.getByTestId('scrape-run');
  await expect(run).toHaveAttribute('data-status', /succeeded|partial/, { timeout: 60_000 });
  await expect(run).toContainText(/1\/1 sources · 8 jobs found/);
  await screenshot(page, '06-admin');

  // The pipeline scores the new jobs; the feed shows the match with its reasons.
  await page.getByRole('link', { name: 'Matches' }).click();
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('match-card').first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000] });
  const top = page.getByTestId('match-card').first();
  await expect(top.getByRole('heading', { name: 'Senior Backend Engineer (TypeScript)' })).toBeVisible();
  await expect(top.getByLabel(/Score \d+ out of 100/)).toBeVisible();
  await expect(top.getByText('Apply', { exact: true })).toBeVisible();
  await expect(top.getByRole('heading', { name: 'Why it fits' })).toBeVisible();
  await expect(top.locator('.reasons-pros li').first()).toBeVisible();
  await expect(top.getByRole('link', { name: /View the posting/ })).toHaveAttribute('href', /^https?:\/\//);
  await top.getByRole('button', { name: 'Good match' }).click();
  await expect(top.getByRole('button', { name: 'Good match' })).toHaveAttribute('aria-pressed', 'true');
  await top.getByText(/About /).click();
  await screenshot(page, '07-matches');

  // The header's badge counts the notification(s); the page lists them.
  const badge = page.getByTestId('unread-badge');
  await expect(badge).toHaveText(/^[1-9]\d*$/, { timeout: 60_000 });
  await page.getByRole('link', { name: /Notifications/ }).click();
  const notifications = page.getByTestId('notification');
  await expect(notifications.first()).toBeVisible();
  await expect(badge).toHaveText(String(await notifications.count()));
  await expect(page.getByText('Senior Backend Engineer (TypeScript)').first()).toBeVisible();
  await screenshot(page, '08-notifications');

  // The fake Discord received the match (besides the test message).
  await expect
    .poll(async () => (await discordRequests(stack)).filter((r) => r.status === 200).flatMap((r) => r.body.embeds ?? []).map((e) => e.title ?? ''), {
      timeout: 60_000,
    })
    .toContainEqual(expect.stringContaining('Senior Backend Engineer (TypeScript)'));

  // Mark read: the badge goes down.
  const before = Number(await badge.textContent());
  await notifications.first().getByRole('button', { name: 'Mark read' }).click();
  if (before === 1) await expect(badge).toBeHidden();
  else await expect(badge).toHaveText(String(before - 1));

  // Jobs browser: search and filters.
  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByTestId('job-card')).toHaveCount(8);
  await page.getByRole('searchbox', { name: 'Search' }).fill('Payments');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('job-card')).toHaveCount(1);
  await expect(page.getByTestId('job-card')).toContainText('Backend Engineer, Payments API');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('job-card')).toHaveCount(8);
  await screenshot(page, '09-jobs');

  // Settings: the threshold preview now counts last week's scored jobs.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('threshold-preview')).toContainText(/At 70, \d+ of the \d+ jobs scored for you last week/);
  await expect(page.getByTestId('webhook-status')).toContainText('Connected');
  await screenshot(page, '10-settings');

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await screenshot(page, '11-not-found');
});

test('the next account in the same tab sees nothing the previous one was shown', async ({ page, stack }) => {
  // The admin of the first test has matches; the app keeps answers it was given in memory.
  await logIn(page, stack.adminEmail);
  await expect(page).toHaveURL(/\/matches$/);
  await expect(page.getByTestId('match-card').first()).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // Without a page load from here on: what the app still holds in memory is what is tested.
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('E-mail').fill(uniqueEmail('next'));
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  // The new account's matches are held back: until they come, the page has nothing to show.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/users/me/matches*', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('link', { name: 'Matches' }).click();
  await expect(page.getByText('Loading matches…')).toBeVisible();
  await expect(page.getByTestId('match-card')).toHaveCount(0);
  release();
  await expect(page.getByText('No matches yet')).toBeVisible();
  await page.unroute('**/api/users/me/matches*');
});

test('a wrong password shows an error', async ({ page }) => {
  const email = uniqueEmail('wrongpw');
  await signUp(page, email);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, email, 'not-the-password-1');
  await expect(page.getByRole('alert')).toContainText(/wrong|invalid|incorrect/i);
  await expect(page).toHaveURL(/\/login$/);
  await screenshot(page, '12-login-error');
  // The right one works and, with a prompt missing, leads to onboarding.
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
});

test('an invalid webhook URL is refused with a message', async ({ page }) => {
  await signUp(page, uniqueEmail('webhook'));
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Discord webhook URL').fill('https://example.com/api/webhooks/123/abc');
  await page.getByRole('button', { name: 'Save webhook' }).click();
  await expect(page.getByRole('alert')).toContainText('Not a Discord webhook URL');
  await expect(page.getByTestId('webhook-status')).toContainText('Not connected');
  await screenshot(page, '13-settings-webhook-error');
});

test('a webhook Discord no longer knows shows as broken after a test message', async ({ page, stack }) => {
  await signUp(page, uniqueEmail('broken'));
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Discord webhook URL').fill(stack.brokenWebhookUrl);
  await page.getByRole('button', { name: 'Save webhook' }).click();
  await expect(page.getByTestId('webhook-status')).toContainText('Connected');
  await page.getByRole('button', { name: 'Send a test message' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Discord did not accept the webhook' })).toBeVisible();
  await expect(page.getByTestId('webhook-status')).toContainText('Broken since');
  await screenshot(page, '14-settings-webhook-broken');
  // Saving a new webhook clears the broken state.
  await page.getByLabel('Discord webhook URL').fill(stack.webhookUrl);
  await page.getByRole('button', { name: 'Save webhook' }).click();
  await expect(page.getByTestId('webhook-status')).toContainText('Connected');
});

test('logging out protects the pages', async ({ page }) => {
  await signUp(page, uniqueEmail('logout'));
  await page.getByRole('link', { name: 'Matches' }).click();
  await expect(page.getByRole('heading', { name: 'Your matches' })).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  for (const path of ['/matches', '/jobs', '/notifications', '/settings', '/onboarding', '/admin']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  }
  await screenshot(page, '15-login');
});

test('works from the keyboard: skip link, focus order, focus moves to the new page', async ({ page }) => {
  await page.goto('/signup');
  // The form renders once the session check has answered; a Tab before that has nothing to reach.
  await expect(page.getByLabel('E-mail')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mail')).toBeFocused();
  await page.keyboard.type(uniqueEmail('keyboard'));
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole('button', { name: 'Senior backend, remote EU' })).toBeVisible();

  // First Tab on an app page: the skip link, which jumps over the navigation.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  // The content starts with the reminder to confirm the new address, then the page itself.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send the link again' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Senior backend, remote EU' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Your ideal job, in your own words')).toHaveValue(/Senior backend engineer/);

  // Following a navigation link moves focus to the new page's content.
  await page.getByRole('link', { name: 'Jobs' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
  await expect(page.locator('main')).toBeFocused();
});

test('an expired access token is refreshed transparently; a failed refresh logs out cleanly', async ({ page }) => {
  await signUp(page, uniqueEmail('expiry'));
  // The next matches request answers 401 as if the access token had expired: the app refreshes
  // its session once and retries, and the page loads as if nothing happened.
  let expired = 0;
  let refreshed = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/token/refresh')) refreshed += 1;
  });
  await page.route('**/api/users/me/matches*', async (route) => {
    if (expired === 0) {
      expired += 1;
      await route.fulfill({ status: 401, json: { error: { code: 'unauthorized', message: 'jwt expired' } } });
    } else await route.continue();
  });
  await page.getByRole('link', { name: 'Matches' }).click();
  await expect(page.getByText('No matches yet')).toBeVisible();
  expect(expired).toBe(1);
  expect(refreshed).toBe(1);

  // Now the refresh fails too (session revoked elsewhere): the app ends the session and shows the login.
  await page.route('**/api/token/refresh', (route) => route.fulfill({ status: 401, json: { error: { code: 'invalid_refresh_token', message: 'revoked' } } }));
  await page.route('**/api/jobs*', (route) => route.fulfill({ status: 401, json: { error: { code: 'unauthorized', message: 'jwt expired' } } }));
  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
});

test('a session survives a reload (refresh cookie) and ends cleanly when the refresh fails', async ({ page, context }) => {
  await signUp(page, uniqueEmail('refresh'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Describe your ideal job' })).toBeVisible();
  // The refresh token never reaches page scripts.
  expect(await page.evaluate(() => document.cookie)).not.toContain('jobping_refresh');
  // A revoked session: the next refresh fails and the app logs out.
  await context.clearCookies();
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
});

test('a source whose board answers 404 three runs in a row shows as paused with its reason, and an admin resumes it', async ({ page, stack }) => {
  await logIn(page, stack.adminEmail);
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible();
  const { type, identifier } = stack.movedBoard;
  await page.getByLabel('Type', { exact: true }).selectOption(type);
  await page.getByLabel('Board, company or name').fill(identifier);
  await page.getByRole('button', { name: 'Add source' }).click();
  // The sources table's row (the runs' tables below name the source too).
  const row = page.getByRole('region', { name: 'Job sources' }).getByRole('row').filter({ hasText: identifier });
  await expect(row).toBeVisible();
  await expect(row.getByText('No success yet')).toBeVisible();

  const runs = page.getByTestId('scrape-run');
  for (let run = 1; run <= 3; run += 1) {
    await page.getByRole('button', { name: 'Fetch now' }).click();
    await expect(runs).toHaveCount(run, { timeout: 10_000 });
    await expect(runs.first()).toHaveAttribute('data-status', /partial|failed/, { timeout: 60_000 });
  }
  const paused = row.getByTestId('source-paused');
  await expect(paused).toBeVisible({ timeout: 10_000 });
  await expect(paused).toContainText('board not found (HTTP 404) — the board moved?');
  await screenshot(page, '16-admin-source-paused');

  await row.getByRole('button', { name: `Resume ${type} ${identifier}` }).click();
  await expect(paused).toHaveCount(0);
  await expect(row.getByText(/failed run/)).toHaveCount(0);
  await row.getByRole('button', { name: `Remove ${type} ${identifier}` }).click();
  await expect(row).toHaveCount(0);
});
