import { normalizeKeyword, type MuteKind } from '@jobping/contracts';
import { Prisma, companyKey, type PrismaClient, type UserMute } from '@jobping/db';
import { notFound, validationFailed } from '@jobping/http-kit';
import type { MuteView } from '../schemas';

/** The key fan-out compares for a mute: a company as companies are keyed, a keyword as its words. */
function muteKey(kind: MuteKind, value: string): string {
  return kind === 'company' ? companyKey(value) : normalizeKeyword(value);
}

function toMuteView(mute: UserMute): MuteView {
  return { id: mute.id, kind: mute.kind as MuteKind, value: mute.value, created_at: mute.createdAt.toISOString() };
}

/**
 * Mutes (one click from a match or notification, undone by deleting) and the alert snooze.
 * Every query names the caller's user id: another user's mute is "not found", never touched.
 */
export class UserControlsService {
  constructor(private readonly prisma: PrismaClient) {}

  async listMutes(userId: string): Promise<{ items: MuteView[] }> {
    const mutes = await this.prisma.userMute.findMany({ where: { userId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
    return { items: mutes.map(toMuteView) };
  }

  /** Creates the mute, or answers the one the user already has for the same key (created: false). */
  async mute(userId: string, kind: MuteKind, value: string): Promise<{ created: boolean; mute: MuteView }> {
    const key = muteKey(kind, value);
    if (!key) throw validationFailed([{ path: 'body.value', message: 'Names nothing fan-out can compare (no letters or digits).' }]);
    const existing = await this.prisma.userMute.findUnique({ where: { userId_kind_key: { userId, kind, key } } });
    if (existing) return { created: false, mute: toMuteView(existing) };
    try {
      return { created: true, mute: toMuteView(await this.prisma.userMute.create({ data: { userId, kind, value, key } })) };
    } catch (error) {
      // Two clicks at once: the other one created it.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        return { created: false, mute: toMuteView(await this.prisma.userMute.findUniqueOrThrow({ where: { userId_kind_key: { userId, kind, key } } })) };
      }
      throw error;
    }
  }

  async unmute(userId: string, muteId: string): Promise<void> {
    const { count } = await this.prisma.userMute.deleteMany({ where: { id: muteId, userId } });
    if (count === 0) throw notFound('You have no such mute.');
  }
}
