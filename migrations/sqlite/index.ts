import * as migration_20261123_121415_initial from './20261123_121415_initial';

export const migrations = [
  {
    up: migration_20261123_121415_initial.up,
    down: migration_20261123_121415_initial.down,
    name: '20261123_121415_initial'
  },
];
