import * as migration_20261123_111807_initial from './20261123_111807_initial';

export const migrations = [
  {
    up: migration_20261123_111807_initial.up,
    down: migration_20261123_111807_initial.down,
    name: '20261123_111807_initial'
  },
];
