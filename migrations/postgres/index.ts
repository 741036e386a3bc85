import * as migration_20261123_111811_initial from './20261123_111811_initial';

export const migrations = [
  {
    up: migration_20261123_111811_initial.up,
    down: migration_20261123_111811_initial.down,
    name: '20261123_111811_initial'
  },
];
