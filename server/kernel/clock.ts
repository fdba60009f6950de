/** The platform's notion of "today"; the implementation is shared with the web in common/. */
export type { IsoDate } from '../../common/clock.ts';
export { instantOnVietnamDay, todayInVietnam } from '../../common/clock.ts';
