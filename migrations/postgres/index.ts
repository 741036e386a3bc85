import * as migration_20261123_121417_initial from './20261123_121417_initial';

export const migrations = [
  {
    up: migration_20261123_121417_initial.up,
    down: migration_20261123_121417_initial.down,
    name: '20261123_121417_initial'
  },
];
