import * as migration_20261123_134138_initial from './20261123_134138_initial';

export const migrations = [
  {
    up: migration_20261123_134138_initial.up,
    down: migration_20261123_134138_initial.down,
    name: '20261123_134138_initial'
  },
];
