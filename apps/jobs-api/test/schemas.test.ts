import { describe, expect, it } from '@jest/globals';
import { DiscordDelivery, MatchFeedback, ScrapeRunStatus, ScrapeTrigger } from '@jobping/db';
import { feedbackBodySchema, feedbackResultSchema, matchSchema, notificationSchema, ownMatchSchema, scrapeRunSchema } from '../src/schemas';

describe('response and request schemas', () => {
  it('answer with exactly the statuses the database stores (the Prisma enums)', () => {
    expect(scrapeRunSchema.shape.status.options).toEqual(Object.values(ScrapeRunStatus));
    expect(scrapeRunSchema.shape.trigger.options).toEqual(Object.values(ScrapeTrigger));
    expect(notificationSchema.shape.discord_status.options).toEqual(Object.values(DiscordDelivery));
    for (const feedback of [feedbackBodySchema.shape.feedback, feedbackResultSchema.shape.feedback, ownMatchSchema.shape.feedback.unwrap(), matchSchema.shape.feedback.unwrap()]) {
      expect(feedback.options).toEqual(Object.values(MatchFeedback));
    }
  });
});
