import * as migration_20261123_120735_initial from './20261123_120735_initial';

export const migrations = [
  {
    up: migration_20261123_120735_initial.up,
    down: migration_20261123_120735_initial.down,
    name: '20261123_120735_initial'
  },
];
