import * as migration_20261123_114932_initial from './20261123_114932_initial';

export const migrations = [
  {
    up: migration_20261123_114932_initial.up,
    down: migration_20261123_114932_initial.down,
    name: '20261123_114932_initial'
  },
];
