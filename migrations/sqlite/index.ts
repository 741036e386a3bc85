import * as migration_20261123_120733_initial from './20261123_120733_initial';

export const migrations = [
  {
    up: migration_20261123_120733_initial.up,
    down: migration_20261123_120733_initial.down,
    name: '20261123_120733_initial'
  },
];
