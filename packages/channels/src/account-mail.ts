import type { RenderedEmail } from './email-template';

/**
 * The account mails of auth-api: verify the address, reset the password, and "someone tried to
 * sign up with your address". Plain words and one link each; the link is ours (PUBLIC_WEB_URL).
 */
export type AccountMail =
  | { type: 'verify_email'; link: string; expiresInHours: number }
  | { type: 'reset_password'; link: string; expiresInMinutes: number }
  | { type: 'signup_attempt'; loginLink: string; resetLink: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function compose(subject: string, paragraphs: string[], link: { text: string; href: string }): RenderedEmail {
  const text = [...paragraphs, `${link.text}: ${link.href}`, '--\nJobPing'].join('\n\n');
  const html =
    `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>\n` +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') +
    `\n<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>\n<hr><p style="color:#666;font-size:12px">JobPing</p>\n</body></html>\n`;
  return { subject, text, html };
}

export function renderAccountMail(mail: AccountMail): RenderedEmail {
  switch (mail.type) {
    case 'verify_email':
      return compose(
        'Confirm your e-mail address for JobPing',
        [
          'Please confirm that this address is yours. Until then JobPing sends no e-mail to it.',
          `The link works once and expires in ${mail.expiresInHours} hours. If you did not create a JobPing account, ignore this mail.`,
        ],
        { text: 'Confirm my address', href: mail.link },
      );
    case 'reset_password':
      return compose(
        'Reset your JobPing password',
        [
          'Someone (we hope you) asked to reset the password of the JobPing account with this address.',
          `The link works once and expires in ${mail.expiresInMinutes} minutes. Setting a new password logs out every session. If it was not you, ignore this mail: your password stays as it is.`,
        ],
        { text: 'Choose a new password', href: mail.link },
      );
    case 'signup_attempt':
      return compose(
        'Someone tried to sign up to JobPing with your address',
        [
          'Someone tried to create a JobPing account with this address, which already has one. No new account was made and nothing changed.',
          `If it was you, log in instead (${mail.loginLink}), or reset your password with the link below if you forgot it.`,
        ],
        { text: 'Reset my password', href: mail.resetLink },
      );
  }
}
