import { Module } from '@nestjs/common';
import { NoticeDecisionAdapter } from './notice-decision.adapter';
import { NoticeFilingAdapter } from './notice-filing.adapter';
import { NoticeViewAdapter } from './notice-view.adapter';
import { NoticesController } from './notices.controller';
import { NoticesProjection } from './notices.projection';
import { NoticesRepository } from './notices.repository';

/** Notices of personal information left in published objects (§4.1): filing, the queue, decisions. */
@Module({
  controllers: [NoticesController, NoticesProjection],
  providers: [NoticesRepository, NoticeFilingAdapter, NoticeDecisionAdapter, NoticeViewAdapter],
  // The analyst UI lists, opens and decides notices through the same classes.
  exports: [NoticesRepository, NoticeDecisionAdapter, NoticeViewAdapter],
})
export class NoticesModule {}
