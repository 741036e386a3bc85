import * as migration_20261123_122406_initial from './20261123_122406_initial';
import * as migration_20261123_133725_feed_status_index from './20261123_133725_feed_status_index';

export const migrations = [
  {
    up: migration_20261123_122406_initial.up,
    down: migration_20261123_122406_initial.down,
    name: '20261123_122406_initial',
  },
  {
    up: migration_20261123_133725_feed_status_index.up,
    down: migration_20261123_133725_feed_status_index.down,
    name: '20261123_133725_feed_status_index'
  },
];
