import { expect, logIn, PASSWORD, screenshot, signUp, test, uniqueEmail } from './fixtures';
import type { Stack } from './stack';

test.describe.configure({ mode: 'serial' });

/** The link of the newest mail to `email` whose subject matches, once it arrived. */
async function linkIn(stack: Stack, email: string, subject: RegExp, path: string): Promise<string> {
  let link = '';
  await expect(async () => {
    const mail = stack.mailsTo(email).filter((m) => subject.test(m.parsed.subject ?? '')).at(-1);
    const found = new RegExp(`(https?://[^\\s]+${path}#token=[A-Za-z0-9_-]+)`).exec(mail?.parsed.text ?? '');
    expect(found?.[1]).toBeTruthy();
    link = found![1]!;
  }).toPass({ timeout: 15_000 });
  return link;
}

test('a new account is asked to confirm its address; the mailed link confirms it once', async ({ page, stack }) => {
  const email = uniqueEmail('verify');
  await signUp(page, email);
  const banner = page.getByRole('region', { name: 'Confirm your e-mail address' });
  await expect(banner).toContainText(email);
  await screenshot(page, '20-verify-banner');

  const link = await linkIn(stack, email, /Confirm your e-mail address/, '/verify-email');
  await page.goto(link);
  await expect(page.getByText('Your address is confirmed')).toBeVisible();
  await screenshot(page, '21-verify-done');
  await page.goto('/matches');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(banner).toHaveCount(0);

  // The same link again: used up.
  await page.goto(link);
  await expect(page.getByText('This link is not valid any more')).toBeVisible();
});

test('forgot password: the same answer for any address; the link sets a new password once and ends the old session', async ({ page, stack, browser }) => {
  const email = uniqueEmail('reset');
  await signUp(page, email);
  // A second browser stays logged in until the reset.
  // Pages of their own contexts (own cookies); axe needs pages made through newContext().
  const otherContext = await browser.newContext({ baseURL: stack.webUrl });
  const other = await otherContext.newPage();
  await logIn(other, email);
  await expect(other).toHaveURL(/\/(onboarding|matches)$/);

  const visitorContext = await browser.newContext({ baseURL: stack.webUrl });
  const visitor = await visitorContext.newPage();
  await visitor.goto('/login');
  await visitor.getByRole('link', { name: 'Forgot your password?' }).click();
  await visitor.getByLabel('E-mail').fill(uniqueEmail('nobody'));
  await visitor.getByRole('button', { name: 'Send me a link' }).click();
  const unknownAnswer = await visitor.getByRole('status').innerText();
  await visitor.goto('/forgot-password');
  await visitor.getByLabel('E-mail').fill(email);
  await visitor.getByRole('button', { name: 'Send me a link' }).click();
  const knownAnswer = await visitor.getByRole('status').innerText();
  expect(knownAnswer.replace(email, '<address>')).toBe(unknownAnswer.replace(/\S+@jobping\.test/, '<address>'));
  await screenshot(visitor, '22-forgot-sent');

  const link = await linkIn(stack, email, /Reset your JobPing password/, '/reset-password');
  await visitor.goto(link);
  await visitor.getByLabel('New password', { exact: true }).fill('a-brand-new-passphrase-7');
  await screenshot(visitor, '23-reset-form');
  await visitor.getByRole('button', { name: 'Set the new password' }).click();
  await expect(visitor.getByText('Your password is changed')).toBeVisible();

  // The link works once (a fresh page load: the same URL with a fragment would not reload).
  await visitor.goto('/login');
  await visitor.goto(link);
  await visitor.getByLabel('New password', { exact: true }).fill('yet-another-passphrase-8');
  await visitor.getByRole('button', { name: 'Set the new password' }).click();
  await expect(visitor.getByText('This link is not valid any more')).toBeVisible();

  // The old password no longer works, the new one does; the other browser's session is over.
  await logIn(visitor, email, PASSWORD);
  await expect(visitor.getByText('The e-mail or password is wrong.')).toBeVisible();
  await logIn(visitor, email, 'a-brand-new-passphrase-7');
  await expect(visitor).toHaveURL(/\/(onboarding|matches)$/);
  await other.reload();
  await expect(other).toHaveURL(/\/login$/);
  await otherContext.close();
  await visitorContext.close();
});

test('signing up with an address that has an account looks the same; the owner is told, the newcomer reaches nothing of theirs', async ({ page, stack, browser }) => {
  const email = uniqueEmail('taken');
  await signUp(page, email);
  await page.getByRole('button', { name: 'Senior backend, remote EU' }).click();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // Someone else, in a browser of their own, signs up with the same address: onboarding, as for a new one.
  const otherContext = await browser.newContext({ baseURL: stack.webUrl });
  const other = await otherContext.newPage();
  await signUp(other, email, 'someone-elses-passphrase-4');
  await expect(other.getByRole('region', { name: 'Confirm your e-mail address' })).toContainText(email);
  await screenshot(other, '24-signup-taken-address');
  // Not the owner's account: the owner's prompt is not there.
  await expect(other.getByLabel('Your ideal job, in your own words')).toHaveValue('');

  // The owner gets the notice, with the links to log in or reset the password.
  await expect(async () => {
    expect(stack.mailsTo(email).some((m) => /Someone tried to sign up/.test(m.parsed.subject ?? ''))).toBe(true);
  }).toPass({ timeout: 15_000 });
  await otherContext.close();

  // Later, in fresh browsers, each password still leads to its own account.
  for (const [password, promptShown] of [['someone-elses-passphrase-4', ''], [PASSWORD, /Senior backend/]] as const) {
    const context = await browser.newContext({ baseURL: stack.webUrl });
    const visitor = await context.newPage();
    await logIn(visitor, email, password);
    await expect(visitor).toHaveURL(/\/(onboarding|matches)$/);
    await visitor.goto('/settings');
    await expect(visitor.getByLabel('Your ideal job, in your own words')).toHaveValue(promptShown);
    await context.close();
  }
});
