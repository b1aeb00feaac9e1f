import type { ChannelTarget } from '@jobping/channels';
import { channelKindSchema, parseStoredChannelSettings } from '@jobping/contracts';
import type { PgPool } from '@jobping/db';
import type { Logger } from '@jobping/logger';
import { countPermanentFailure } from './channel-failures';

export interface TargetChannel {
  id: string;
  kind: string;
  settings: unknown;
  email: string;
  email_verified: boolean;
}

export type TargetResolution = { target: ChannelTarget } | { status: 'failed' | 'skipped'; reason: string };

/**
 * Where one send (a match or a digest) goes, or why it cannot: stored settings that no longer
 * parse for the channel's kind are a permanent failure (counted towards turning the channel
 * off); e-mail goes only to a verified account address, else the send is skipped.
 */
export async function resolveChannelTarget(
  deps: { pool: PgPool; logger: Logger; failuresToDisable?: number | undefined },
  channel: TargetChannel,
  deliveryId: string,
): Promise<TargetResolution> {
  let target: ChannelTarget;
  try {
    const kind = channelKindSchema.parse(channel.kind);
    target = { channelId: channel.id, kind, settings: parseStoredChannelSettings(kind, channel.settings), deliveryId };
  } catch {
    await countPermanentFailure(deps, channel.id, 'the stored settings of this channel are not valid');
    return { status: 'failed', reason: 'the stored settings of this channel are not valid for its kind' };
  }
  if (target.kind === 'email') {
    if (!channel.email_verified) return { status: 'skipped', reason: 'the account e-mail address is not verified' };
    target.email = channel.email;
  }
  return { target };
}
