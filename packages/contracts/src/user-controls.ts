import { z } from 'zod';

/** What a user can mute in one click from a match or a notification (users' mutes, docs/product.md). */
export const muteKinds = ['company', 'keyword'] as const;
export type MuteKind = (typeof muteKinds)[number];
export const muteKindSchema = z.enum(muteKinds, { error: `one of ${muteKinds.join(', ')}` });

/**
 * Why a user is not interested in a job: a fixed list, so later stages can count and learn from
 * them; `other` comes with the user's own words.
 */
export const dismissReasons = ['seniority', 'location', 'salary', 'company', 'role', 'already_applied', 'expired', 'other'] as const;
export type DismissReason = (typeof dismissReasons)[number];
export const dismissReasonSchema = z.enum(dismissReasons, { error: `one of ${dismissReasons.join(', ')}` });
