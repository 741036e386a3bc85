import * as migration_20261123_122408_initial from './20261123_122408_initial';
import * as migration_20261123_133728_feed_status_index from './20261123_133728_feed_status_index';

export const migrations = [
  {
    up: migration_20261123_122408_initial.up,
    down: migration_20261123_122408_initial.down,
    name: '20261123_122408_initial',
  },
  {
    up: migration_20261123_133728_feed_status_index.up,
    down: migration_20261123_133728_feed_status_index.down,
    name: '20261123_133728_feed_status_index'
  },
];
