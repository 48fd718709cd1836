import * as migration_20261123_140143_initial from './20261123_140143_initial';

export const migrations = [
  {
    up: migration_20261123_140143_initial.up,
    down: migration_20261123_140143_initial.down,
    name: '20261123_140143_initial',
  },
];
