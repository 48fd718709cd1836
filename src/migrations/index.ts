import * as migration_20261123_133616_initial from './20261123_133616_initial';

export const migrations = [
  {
    up: migration_20261123_133616_initial.up,
    down: migration_20261123_133616_initial.down,
    name: '20261123_133616_initial'
  },
];
