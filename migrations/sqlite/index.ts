import * as migration_20261123_120042_initial from './20261123_120042_initial';

export const migrations = [
  {
    up: migration_20261123_120042_initial.up,
    down: migration_20261123_120042_initial.down,
    name: '20261123_120042_initial'
  },
];
